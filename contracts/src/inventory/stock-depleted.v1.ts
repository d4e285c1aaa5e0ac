import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id } from '../common'
import { aboutSku } from '../routing'
import { inventoryEvent } from './define'

/** A SKU's available stock reached zero; catalog shows it as unavailable. */
export const StockDepletedV1 = inventoryEvent({
  type: 'stock.depleted',
  version: 1,
  ...aboutSku,
  data: Type.Object({
    skuId: Id,
    // The order whose reservation or sale caused it; absent for an admin adjustment.
    orderId: Type.Optional(Id),
  }),
})
export type StockDepletedV1 = EventOf<typeof StockDepletedV1>
