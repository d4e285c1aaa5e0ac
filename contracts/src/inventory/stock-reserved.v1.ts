import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, LineItems, Timestamp } from '../common'

/** Every item of an order was reserved at once; payment may now be created. */
export const StockReservedV1 = defineEvent({
  type: 'stock.reserved',
  version: 1,
  source: '/commerce/inventory',
  aggregateType: 'inventory', // topic commerce.inventory.events
  // Key: the order id, so one order's events stay in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    items: LineItems,
    // When the reservation lapses unless confirmed: later than the payment window (SPEC §6).
    expiresAt: Timestamp,
  }),
})
export type StockReservedV1 = EventOf<typeof StockReservedV1>
