import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, Money, oneOf, Quantity } from '../common'

/** The PG refunded items of an order; inventory puts the refunded units back on sale. */
export const OrderRefundedV1 = defineEvent({
  type: 'order.refunded',
  version: 1,
  source: '/commerce/order',
  aggregateType: 'order', // topic commerce.order.events
  // Key: the order id, so one order's events stay in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    userId: Id,
    refundedAmount: Money,
    // Sum of every refund of this order so far, this one included.
    totalRefundedAmount: Money,
    status: oneOf(['PARTIALLY_REFUNDED', 'REFUNDED']),
    items: Type.Array(Type.Object({ itemId: Id, skuId: Id, quantity: Quantity }), { minItems: 1 }),
  }),
})
export type OrderRefundedV1 = EventOf<typeof OrderRefundedV1>
