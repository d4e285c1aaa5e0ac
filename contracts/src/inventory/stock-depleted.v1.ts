import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id } from '../common'

/** A SKU's available stock reached zero; catalog shows it as unavailable. */
export const StockDepletedV1 = defineEvent({
  type: 'stock.depleted',
  version: 1,
  source: '/commerce/inventory',
  aggregateType: 'inventory', // topic commerce.inventory.events
  // Key: the SKU id, so one SKU's availability changes stay in order.
  key: (data) => String(data.skuId),
  subject: (data) => `sku/${data.skuId}`,
  data: Type.Object({
    skuId: Id,
    // The order whose reservation or sale caused it; absent for an admin adjustment.
    orderId: Type.Optional(Id),
  }),
})
export type StockDepletedV1 = EventOf<typeof StockDepletedV1>
