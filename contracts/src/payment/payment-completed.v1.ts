import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Currency, Id, Money, PgTransactionId, Timestamp } from '../common'

/** The PG approved the payment; the order becomes PAID. */
export const PaymentCompletedV1 = defineEvent({
  type: 'payment.completed',
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
    paidAmount: Money,
    currency: Currency,
    approvedAt: Timestamp,
  }),
})
export type PaymentCompletedV1 = EventOf<typeof PaymentCompletedV1>
