import type { EventMeta } from '@commerce/contracts'
import type { AnyTx } from '@commerce/platform/db'
import { eq } from 'drizzle-orm'
import { refunds } from '../db/schema'
import type { PaymentRow } from './rows'

export type RefundRow = typeof refunds.$inferSelect

/**
 * Records a refund to do, once per `sourceKey` (an order's items, or the cancellation of an order): its PG
 * Idempotency-Key is fixed here and kept across every try. Returns the refund's id (the existing one for a repeat).
 */
export async function recordRefund(
  tx: AnyTx,
  input: {
    payment: PaymentRow
    sourceKey: string
    reason: 'REFUND_REQUESTED' | 'ORDER_CANCELLED'
    amount: number
    refundedItemIds?: number[]
  },
  meta: EventMeta,
): Promise<{ refundId: number; fresh: boolean }> {
  const [existing] = await tx.select({ id: refunds.id }).from(refunds).where(eq(refunds.sourceKey, input.sourceKey))
  if (existing) return { refundId: existing.id, fresh: false }
  const [row] = await tx
    .insert(refunds)
    .values({
      paymentId: input.payment.paymentId,
      orderId: input.payment.orderId,
      sourceKey: input.sourceKey,
      reason: input.reason,
      amount: input.amount,
      refundedItemIds: input.refundedItemIds ?? null,
      idempotencyKey: crypto.randomUUID(),
      status: 'PENDING',
      nextAttemptAt: meta.now,
      causationId: meta.causationId.slice(0, 64),
      createdAt: meta.now,
    })
    .$returningId()
  if (!row) throw new Error('refund insert returned no id')
  return { refundId: row.id, fresh: true }
}

/** The source key of a buyer's refund request: the order and its items, so the same items are refunded once. */
export const requestSourceKey = (orderId: number, itemIds: number[]) =>
  `request:${orderId}:${[...new Set(itemIds)].sort((a, b) => a - b).join(',')}`.slice(0, 255)

/** The source key of the refund owed when a charged order is cancelled: one per order. */
export const cancelSourceKey = (orderId: number) => `cancel:${orderId}`
