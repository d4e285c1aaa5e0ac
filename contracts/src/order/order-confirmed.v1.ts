import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, LineItem } from '../common'

/** An order was paid; inventory turns its reservation into a sale and catalog counts the sales. */
export const OrderConfirmedV1 = defineEvent({
  type: 'order.confirmed',
  version: 1,
  source: '/commerce/order',
  aggregateType: 'order',
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    items: Type.Array(LineItem, { minItems: 1 }),
  }),
})
export type OrderConfirmedV1 = EventOf<typeof OrderConfirmedV1>
