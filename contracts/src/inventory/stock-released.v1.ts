import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, LineItem } from '../common'

/** A cancelled order's reservation was given back to available stock. */
export const StockReleasedV1 = defineEvent({
  type: 'stock.released',
  version: 1,
  source: '/commerce/inventory',
  aggregateType: 'inventory', // topic commerce.inventory.events
  // Key: the order id, so one order's events stay in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    // Empty when the order was cancelled before anything was reserved: the release still closes the saga step.
    items: Type.Array(LineItem),
  }),
})
export type StockReleasedV1 = EventOf<typeof StockReleasedV1>
