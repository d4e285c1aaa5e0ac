import type { EventMeta } from '@commerce/contracts'
import type { AnyTx } from '@commerce/platform/db'
import { refundable } from '../domain/payment-status'
import { recordFact } from './learn-order'
import { counted } from './metrics'
import { paymentEvents } from './payment-events'
import { cancelSourceKey, recordRefund } from './record-refund'
import { lockPaymentOfOrder, pendingApproval, updatePayment } from './rows'

export type CancelOutcome =
  | { kind: 'remembered' | 'voided' | 'in-flight' | 'nothing' }
  | { kind: 'refund'; refundId: number }

/**
 * `order.cancelled` (SPEC §6 compensations): no payment yet → remembered, so a later `stock.reserved` creates none;
 * READY → CANCELED (void) + `payment.failed {ORDER_CANCELLED}`; a confirm in flight → cancel requested (its outcome
 * turns an approval into a refund); charged → a full refund to do (the caller works it after commit); FAILED,
 * CANCELED, REFUNDED → nothing.
 */
export async function cancelForOrder(tx: AnyTx, orderId: number, meta: EventMeta): Promise<CancelOutcome> {
  await recordFact(tx, { kind: 'cancelled', orderId }, meta.now)
  const payment = await lockPaymentOfOrder(tx, orderId)
  if (!payment) return { kind: counted('cancel', 'remembered') }
  switch (payment.status) {
    case 'READY': {
      if (await pendingApproval(tx, payment.paymentId)) {
        await updatePayment(tx, payment, { cancelRequested: true })
        return { kind: counted('cancel', 'in-flight') }
      }
      const voided = await updatePayment(tx, payment, { status: 'CANCELED', failureReason: 'ORDER_CANCELLED' })
      await paymentEvents.failed(tx, { payment: voided, reason: 'ORDER_CANCELLED' }, meta)
      return { kind: counted('cancel', 'voided') }
    }
    case 'APPROVED':
    case 'PARTIALLY_REFUNDED': {
      await updatePayment(tx, payment, { cancelRequested: true })
      const amount = refundable(payment)
      const input = { payment, sourceKey: cancelSourceKey(orderId), reason: 'ORDER_CANCELLED' as const, amount }
      const { refundId } = await recordRefund(tx, input, meta)
      counted('cancel', 'refund')
      return { kind: 'refund', refundId }
    }
    case 'FAILED':
    case 'CANCELED':
    case 'REFUNDED':
      return { kind: counted('cancel', 'nothing') }
    default:
      return payment.status satisfies never
  }
}
