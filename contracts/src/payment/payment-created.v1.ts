import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Currency, Id, Money } from '../common'
import { aboutPayment } from '../routing'
import { paymentEvent } from './define'

/** A READY payment exists for an order whose stock is reserved; the buyer may now confirm it. */
export const PaymentCreatedV1 = paymentEvent({
  type: 'payment.created',
  version: 1,
  ...aboutPayment,
  data: Type.Object({
    paymentId: Id,
    orderId: Id,
    userId: Id,
    amount: Money,
    currency: Currency,
  }),
})
export type PaymentCreatedV1 = EventOf<typeof PaymentCreatedV1>
