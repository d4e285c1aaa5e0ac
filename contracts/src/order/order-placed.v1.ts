import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, Money, PricedLineItem } from '../common'

/** An order was created; inventory reserves its items and payment learns the amount and the buyer. */
export const OrderPlacedV1 = defineEvent({
  type: 'order.placed',
  version: 1,
  source: '/commerce/order',
  aggregateType: 'order', // topic commerce.order.events
  // Key: the order id, so one order's events stay in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    userId: Id,
    // The order number (ORD-yyyyMMdd-16HEX): the PG's orderId. Optional only because v1 shipped without it;
    // order always sends it.
    orderNo: Type.Optional(Type.String({ minLength: 6, maxLength: 64 })),
    // The order total: what payment must charge.
    payableAmount: Money,
    items: Type.Array(PricedLineItem, { minItems: 1 }),
  }),
})
export type OrderPlacedV1 = EventOf<typeof OrderPlacedV1>
