import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Currency, Id, Money } from '../common'

/** A READY payment exists for an order whose stock is reserved; the buyer may now confirm it. */
export const PaymentCreatedV1 = defineEvent({
  type: 'payment.created',
  version: 1,
  source: '/commerce/payment',
  aggregateType: 'payment', // topic commerce.payment.events
  // Key: the order id, not the payment id, so the order's saga stays in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `payment/${data.paymentId}`,
  data: Type.Object({
    paymentId: Id,
    orderId: Id,
    userId: Id,
    amount: Money,
    currency: Currency,
  }),
})
export type PaymentCreatedV1 = EventOf<typeof PaymentCreatedV1>
