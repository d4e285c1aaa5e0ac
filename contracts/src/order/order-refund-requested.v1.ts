import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, Money } from '../common'

/** The buyer asked for (part of) a confirmed order back; payment cancels that amount at the PG. */
export const OrderRefundRequestedV1 = defineEvent({
  type: 'order.refund.requested',
  version: 1,
  source: '/commerce/order',
  aggregateType: 'order', // topic commerce.order.events
  // Key: the order id, so one order's events stay in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    userId: Id,
    refundAmount: Money,
    // Order item ids (not SKU ids); payment echoes them in payment.refunded so order can match the refund.
    refundedItemIds: Type.Array(Id, { minItems: 1 }),
  }),
})
export type OrderRefundRequestedV1 = EventOf<typeof OrderRefundRequestedV1>
