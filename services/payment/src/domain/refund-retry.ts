/** When the next try of a refund is due after `attempts` tries: base × 2^(attempts−1), at most 5 minutes. */
export function nextRefundTry(at: { now: Date; attempts: number; baseMs: number }): Date {
  const delay = Math.min(at.baseMs * 2 ** Math.max(at.attempts - 1, 0), 300_000)
  return new Date(at.now.getTime() + delay)
}

/** The PG cancel's reason text for a refund: fixed per reason, as the PG's Idempotency-Key is bound to the body. */
export const cancelReasonText = (reason: 'REFUND_REQUESTED' | 'ORDER_CANCELLED') =>
  reason === 'ORDER_CANCELLED' ? 'order cancelled' : 'refund requested'
