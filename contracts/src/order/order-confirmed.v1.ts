import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, LineItems } from '../common'

/** An order was paid; inventory turns its reservation into a sale and catalog counts the sales. */
export const OrderConfirmedV1 = defineEvent({
  type: 'order.confirmed',
  version: 1,
  source: '/commerce/order',
  aggregateType: 'order', // topic commerce.order.events
  // Key: the order id, so one order's events stay in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    items: LineItems,
  }),
})
export type OrderConfirmedV1 = EventOf<typeof OrderConfirmedV1>
