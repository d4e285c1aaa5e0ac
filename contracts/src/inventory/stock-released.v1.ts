import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, LineItem } from '../common'
import { aboutOrder } from '../routing'
import { inventoryEvent } from './define'

/** A cancelled order's reservation was given back to available stock. */
export const StockReleasedV1 = inventoryEvent({
  type: 'stock.released',
  version: 1,
  ...aboutOrder,
  data: Type.Object({
    orderId: Id,
    // Empty when the order was cancelled before anything was reserved: the release still closes the saga step.
    items: Type.Array(LineItem),
  }),
})
export type StockReleasedV1 = EventOf<typeof StockReleasedV1>
