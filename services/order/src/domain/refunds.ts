/** An order item as a refund sees it. */
export interface RefundableItem {
  id: number
  lineAmount: number
  status: ItemStatus
}

export const itemStatuses = ['ORDERED', 'REFUND_REQUESTED', 'REFUNDED'] as const
export type ItemStatus = (typeof itemStatuses)[number]

/** Which items a refund request takes, or why it cannot. */
export type RefundPlan =
  | { ok: true; itemIds: number[]; refundAmount: number }
  | { ok: false; problem: 'unknown-items' | 'not-refundable'; itemIds: number[] }

/**
 * What a refund request refunds (SPEC §4): each item what was charged for it (its line amount); the request that
 * leaves no item un-refunded also refunds the rest of the total (the shipping fee), so refunding everything, at once
 * or in parts, refunds exactly `totalAmount`. `requested` omitted = every item still ORDERED.
 */
export function planRefund(
  items: readonly RefundableItem[],
  input: { requested: readonly number[] | undefined; totalAmount: number },
): RefundPlan {
  const ordered = items.filter((i) => i.status === 'ORDERED')
  const wanted = input.requested ? [...new Set(input.requested)] : ordered.map((i) => i.id)
  const unknown = wanted.filter((id) => !items.some((i) => i.id === id))
  if (unknown.length > 0) return { ok: false, problem: 'unknown-items', itemIds: unknown }
  const taken = wanted.filter((id) => !ordered.some((i) => i.id === id))
  if (taken.length > 0 || wanted.length === 0) return { ok: false, problem: 'not-refundable', itemIds: taken }
  const lines = ordered.filter((i) => wanted.includes(i.id))
  const linesAmount = lines.reduce((sum, i) => sum + i.lineAmount, 0)
  const lastOnes = lines.length === ordered.length
  const allLines = items.reduce((sum, i) => sum + i.lineAmount, 0)
  const rest = lastOnes ? Math.max(0, input.totalAmount - allLines) : 0
  return { ok: true, itemIds: lines.map((i) => i.id), refundAmount: linesAmount + rest }
}

/** The order's status once `refundedNow` items are refunded: REFUNDED when no item is left un-refunded. */
export function statusAfterRefund(items: readonly RefundableItem[], refundedNow: readonly number[]) {
  const allRefunded = items.every((i) => i.status === 'REFUNDED' || refundedNow.includes(i.id))
  return allRefunded ? ('REFUNDED' as const) : ('PARTIALLY_REFUNDED' as const)
}
