import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, LineItems } from '../common'

/** A paid order's reserved stock became sold; the order is confirmed. */
export const StockConfirmedV1 = defineEvent({
  type: 'stock.confirmed',
  version: 1,
  source: '/commerce/inventory',
  aggregateType: 'inventory', // topic commerce.inventory.events
  // Key: the order id, so one order's events stay in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    items: LineItems,
  }),
})
export type StockConfirmedV1 = EventOf<typeof StockConfirmedV1>
