import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id } from '../common'
import { aboutSku } from '../routing'
import { inventoryEvent } from './define'

/** A SKU's available stock went from zero to positive; catalog shows it as available again. */
export const StockRestoredV1 = inventoryEvent({
  type: 'stock.restored',
  version: 1,
  ...aboutSku,
  data: Type.Object({
    skuId: Id,
    // The order whose release or refund caused it; absent for an admin adjustment.
    orderId: Type.Optional(Id),
  }),
})
export type StockRestoredV1 = EventOf<typeof StockRestoredV1>
