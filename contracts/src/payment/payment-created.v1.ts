import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, Money } from '../common'

/** A READY payment exists for an order whose stock is reserved; the buyer may now confirm it. */
export const PaymentCreatedV1 = defineEvent({
  type: 'payment.created',
  version: 1,
  source: '/commerce/payment',
  aggregateType: 'payment',
  // Keyed by order, not payment: one order's payment events stay in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `payment/${data.paymentId}`,
  data: Type.Object({
    paymentId: Id,
    orderId: Id,
    userId: Id,
    amount: Money,
    currency: Type.Literal('KRW'),
  }),
})
export type PaymentCreatedV1 = EventOf<typeof PaymentCreatedV1>
