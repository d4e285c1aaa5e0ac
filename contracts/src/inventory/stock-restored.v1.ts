import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id } from '../common'

/** A SKU's available stock went from zero to positive; catalog shows it as available again. */
export const StockRestoredV1 = defineEvent({
  type: 'stock.restored',
  version: 1,
  source: '/commerce/inventory',
  aggregateType: 'inventory', // topic commerce.inventory.events
  // Key: the SKU id, so one SKU's availability changes stay in order.
  key: (data) => String(data.skuId),
  subject: (data) => `sku/${data.skuId}`,
  data: Type.Object({
    skuId: Id,
    // The order whose release or refund caused it; absent for an admin adjustment.
    orderId: Type.Optional(Id),
  }),
})
export type StockRestoredV1 = EventOf<typeof StockRestoredV1>
