import type { EventMeta } from '@commerce/contracts'
import type { AnyTx } from '@commerce/platform/db'
import { EventRejected } from '@commerce/platform/kafka'
import { eq } from 'drizzle-orm'
import { refunds } from '../db/schema'
import { afterRefund } from '../domain/payment-status'
import { counted } from './metrics'
import { paymentEvents } from './payment-events'
import { recordRefund, requestSourceKey } from './record-refund'
import { lockPaymentOfOrder } from './rows'

export type RequestOutcome = { kind: 'recorded'; refundId: number } | { kind: 'repeat' | 'refused' }

/**
 * `order.refund.requested` (SPEC §6 refund): a refund to do for `refundAmount`, once per order and item ids. A request
 * the payment cannot cover (never charged, more than is left) fails at once with `payment.refund.failed`, so the order
 * goes to NEEDS_ATTENTION instead of waiting; an order payment never saw is dead-lettered.
 */
export async function requestRefund(
  tx: AnyTx,
  data: { orderId: number; refundAmount: number; refundedItemIds: number[] },
  meta: EventMeta,
): Promise<RequestOutcome> {
  const payment = await lockPaymentOfOrder(tx, data.orderId)
  if (!payment) throw new EventRejected('PAYMENT_NOT_FOUND', `no payment for order ${data.orderId}`)
  const input = {
    payment,
    sourceKey: requestSourceKey(data.orderId, data.refundedItemIds),
    reason: 'REFUND_REQUESTED' as const,
    amount: data.refundAmount,
    refundedItemIds: data.refundedItemIds,
  }
  const next = afterRefund(payment, data.refundAmount)
  const { refundId, fresh } = await recordRefund(tx, input, meta)
  if (!fresh) return { kind: counted('refund-request', 'repeat') }
  if (!('refused' in next)) return { kind: 'recorded', refundId }
  await tx.update(refunds).set({ status: 'FAILED', lastErrorCode: next.refused }).where(eq(refunds.id, refundId))
  const failure = { payment, reason: input.reason, amount: input.amount, pgErrorCode: next.refused }
  await paymentEvents.refundFailed(tx, { ...failure, refundedItemIds: input.refundedItemIds }, meta)
  return { kind: counted('refund-request', 'refused') }
}
