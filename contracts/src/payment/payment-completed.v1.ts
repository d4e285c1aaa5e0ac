import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, Money, Timestamp } from '../common'

/** The PG approved the payment; the order becomes PAID. */
export const PaymentCompletedV1 = defineEvent({
  type: 'payment.completed',
  version: 1,
  source: '/commerce/payment',
  aggregateType: 'payment',
  key: (data) => String(data.orderId),
  subject: (data) => `payment/${data.paymentId}`,
  data: Type.Object({
    paymentId: Id,
    orderId: Id,
    // The PG's id for the approval (Toss paymentKey / transaction key).
    pgTransactionId: Type.String({ minLength: 1 }),
    paidAmount: Money,
    currency: Type.Literal('KRW'),
    approvedAt: Timestamp,
  }),
})
export type PaymentCompletedV1 = EventOf<typeof PaymentCompletedV1>
