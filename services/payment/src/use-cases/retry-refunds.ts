import type { EventMeta } from '@commerce/contracts'
import type { AnyTx } from '@commerce/platform/db'
import { and, eq, inArray } from 'drizzle-orm'
import { refunds } from '../db/schema'
import { counted } from './metrics'
import { paymentEvents } from './payment-events'
import { lockPaymentOfOrder } from './rows'

/** What an operator's retry came to: refunds reopened (to work now), refused again at once, or nothing failed. */
export type RetryOutcome = { kind: 'reopened'; refundIds: number[] } | { kind: 'refused' | 'nothing-failed' }

/**
 * `order.compensation.retry.requested` (SPEC §6, an operator's retry): the order's refunds that FAILED at the PG after
 * their retries are PENDING again with fresh attempts and their own PG Idempotency-Key (so a cancel the PG did make
 * is never made twice). Refunds refused before any PG call (more than is left, never charged) cannot succeed by
 * trying again: each is reported failed once more, so the order records that the retry did not help.
 */
export async function retryFailedRefunds(tx: AnyTx, orderId: number, meta: EventMeta): Promise<RetryOutcome> {
  const payment = await lockPaymentOfOrder(tx, orderId)
  if (!payment) return { kind: counted('refund-retry', 'nothing-failed') }
  const failed = await tx
    .select()
    .from(refunds)
    .where(and(eq(refunds.orderId, orderId), eq(refunds.status, 'FAILED')))
  if (failed.length === 0) return { kind: counted('refund-retry', 'nothing-failed') }
  const triedAtThePg = failed.filter((r) => r.attempts > 0)
  if (triedAtThePg.length === 0) {
    for (const refund of failed) {
      const failure = { payment, reason: refund.reason, amount: refund.amount, pgErrorCode: refund.lastErrorCode }
      await paymentEvents.refundFailed(tx, { ...failure, refundedItemIds: refund.refundedItemIds }, meta)
    }
    return { kind: counted('refund-retry', 'refused') }
  }
  const refundIds = triedAtThePg.map((r) => r.id)
  // The next tries publish with the retry as their cause (payment.refunded / payment.refund.failed).
  const causationId = meta.causationId.slice(0, 64)
  await tx
    .update(refunds)
    .set({ status: 'PENDING', attempts: 0, nextAttemptAt: meta.now, causationId })
    .where(inArray(refunds.id, refundIds))
  counted('refund-retry', 'reopened')
  return { kind: 'reopened', refundIds }
}
