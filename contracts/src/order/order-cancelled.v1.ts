import { type Static, Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, LineItem } from '../common'

/** Why an order was cancelled; a closed set so consumers can branch on it (original bug §12.10). */
export const OrderCancelReason = Type.Union([
  Type.Literal('USER_REQUEST'),
  Type.Literal('PAYMENT_TIMEOUT'),
  Type.Literal('PAYMENT_FAILED'),
  Type.Literal('STOCK_RESERVATION_FAILED'),
  Type.Literal('STOCK_CONFIRM_FAILED'),
  Type.Literal('RESERVATION_EXPIRED'),
])
export type OrderCancelReason = Static<typeof OrderCancelReason>

/** An order was cancelled; inventory releases its reservation and payment voids or refunds its payment. */
export const OrderCancelledV1 = defineEvent({
  type: 'order.cancelled',
  version: 1,
  source: '/commerce/order',
  aggregateType: 'order',
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    reason: OrderCancelReason,
    items: Type.Array(LineItem, { minItems: 1 }),
  }),
})
export type OrderCancelledV1 = EventOf<typeof OrderCancelledV1>
