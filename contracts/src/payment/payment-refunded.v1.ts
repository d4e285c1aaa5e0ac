import { type Static, Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Currency, Id, Money, PgTransactionId, Timestamp } from '../common'

export const PaymentRefundReason = Type.Union([
  // The buyer asked through order.refund.requested.
  Type.Literal('REFUND_REQUESTED'),
  // The order was cancelled after the PG had approved the payment.
  Type.Literal('ORDER_CANCELLED'),
])
export type PaymentRefundReason = Static<typeof PaymentRefundReason>

/** The PG cancelled (part of) an approved payment; the order moves to a refund state. */
export const PaymentRefundedV1 = defineEvent({
  type: 'payment.refunded',
  version: 1,
  source: '/commerce/payment',
  aggregateType: 'payment', // topic commerce.payment.events
  // Key: the order id, not the payment id, so the order's saga stays in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `payment/${data.paymentId}`,
  data: Type.Object({
    paymentId: Id,
    orderId: Id,
    pgTransactionId: PgTransactionId,
    reason: PaymentRefundReason,
    refundedAmount: Money,
    // Sum of every refund of this payment so far, this one included.
    totalRefundedAmount: Money,
    remainingAmount: Money,
    fullyRefunded: Type.Boolean(),
    currency: Currency,
    // Echo of order.refund.requested's item ids; absent when reason is ORDER_CANCELLED.
    refundedItemIds: Type.Optional(Type.Array(Id, { minItems: 1 })),
    refundedAt: Timestamp,
  }),
})
export type PaymentRefundedV1 = EventOf<typeof PaymentRefundedV1>
