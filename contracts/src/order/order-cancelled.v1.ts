import { type Static, Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, LineItems, oneOf } from '../common'

/** Why an order was cancelled; a closed set so consumers can branch on it (original bug §12.10). */
export const OrderCancelReason = oneOf([
  'USER_REQUEST',
  'PAYMENT_TIMEOUT',
  'PAYMENT_FAILED',
  'STOCK_RESERVATION_FAILED',
  'STOCK_CONFIRM_FAILED',
  'RESERVATION_EXPIRED',
])
export type OrderCancelReason = Static<typeof OrderCancelReason>

/** An order was cancelled; inventory releases its reservation and payment voids or refunds its payment. */
export const OrderCancelledV1 = defineEvent({
  type: 'order.cancelled',
  version: 1,
  source: '/commerce/order',
  aggregateType: 'order', // topic commerce.order.events
  // Key: the order id, so one order's events stay in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    reason: OrderCancelReason,
    items: LineItems,
  }),
})
export type OrderCancelledV1 = EventOf<typeof OrderCancelledV1>
