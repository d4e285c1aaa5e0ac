import type { EventMeta } from '@commerce/contracts'
import {
  PaymentCompletedV1,
  PaymentCreatedV1,
  PaymentFailedV1,
  type PaymentFailureReason,
  PaymentRefundedV1,
  PaymentRefundFailedV1,
} from '@commerce/contracts/payment'
import type { AnyTx } from '@commerce/platform/db'
import { appendOutbox } from '@commerce/platform/outbox'
import type { payments } from '../db/schema'

type Payment = typeof payments.$inferSelect
type RefundReason = 'REFUND_REQUESTED' | 'ORDER_CANCELLED'

// Every saga event carries correlationid = the order id, whatever the cause's own correlation was.
const sagaMeta = (payment: Payment, meta: EventMeta): EventMeta => ({ ...meta, correlationId: String(payment.orderId) })
const ids = (payment: Payment) => ({ paymentId: payment.paymentId, orderId: payment.orderId, currency: 'KRW' as const })

/** The outbox rows of the payment events, written in the caller's transaction (Debezium publishes them). */
export const paymentEvents = {
  created: (tx: AnyTx, payment: Payment, meta: EventMeta) =>
    appendOutbox(
      tx,
      PaymentCreatedV1.create(
        { ...ids(payment), userId: payment.userId, amount: payment.amount },
        sagaMeta(payment, meta),
      ),
    ),
  completed: (tx: AnyTx, at: { payment: Payment; pgTransactionId: string; approvedAt: Date }, meta: EventMeta) =>
    appendOutbox(
      tx,
      PaymentCompletedV1.create(
        {
          ...ids(at.payment),
          pgTransactionId: at.pgTransactionId,
          paidAmount: at.payment.amount,
          approvedAt: at.approvedAt.toISOString(),
        },
        sagaMeta(at.payment, meta),
      ),
    ),
  failed: (
    tx: AnyTx,
    at: { payment: Payment; reason: PaymentFailureReason; pgErrorCode?: string | undefined },
    meta: EventMeta,
  ) =>
    appendOutbox(
      tx,
      PaymentFailedV1.create(
        {
          ...ids(at.payment),
          cancelledAmount: at.payment.amount,
          reason: at.reason,
          ...(at.pgErrorCode ? { pgErrorCode: at.pgErrorCode } : {}),
          cancelledAt: meta.now.toISOString(),
        },
        sagaMeta(at.payment, meta),
      ),
    ),
  refunded: (
    tx: AnyTx,
    at: {
      payment: Payment
      pgTransactionId: string
      reason: RefundReason
      refundedAmount: number
      refundedItemIds: number[] | null
    },
    meta: EventMeta,
  ) =>
    appendOutbox(
      tx,
      PaymentRefundedV1.create(
        {
          ...ids(at.payment),
          pgTransactionId: at.pgTransactionId,
          reason: at.reason,
          refundedAmount: at.refundedAmount,
          totalRefundedAmount: at.payment.refundedAmount,
          remainingAmount: at.payment.amount - at.payment.refundedAmount,
          fullyRefunded: at.payment.refundedAmount >= at.payment.amount,
          ...(at.refundedItemIds?.length ? { refundedItemIds: at.refundedItemIds } : {}),
          refundedAt: meta.now.toISOString(),
        },
        sagaMeta(at.payment, meta),
      ),
    ),
  refundFailed: (
    tx: AnyTx,
    at: {
      payment: Payment
      reason: RefundReason
      amount: number
      pgErrorCode: string | null
      refundedItemIds: number[] | null
    },
    meta: EventMeta,
  ) =>
    appendOutbox(
      tx,
      PaymentRefundFailedV1.create(
        {
          ...ids(at.payment),
          reason: at.reason,
          amount: at.amount,
          ...(at.pgErrorCode ? { pgErrorCode: at.pgErrorCode } : {}),
          ...(at.refundedItemIds?.length ? { refundedItemIds: at.refundedItemIds } : {}),
          failedAt: meta.now.toISOString(),
        },
        sagaMeta(at.payment, meta),
      ),
    ),
}
