import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, LineItems, Timestamp } from '../common'
import { aboutOrder } from '../routing'
import { inventoryEvent } from './define'

/** Every item of an order was reserved at once; payment may now be created. */
export const StockReservedV1 = inventoryEvent({
  type: 'stock.reserved',
  version: 1,
  ...aboutOrder,
  data: Type.Object({
    orderId: Id,
    items: LineItems,
    // When the reservation lapses unless confirmed: later than the payment window (SPEC §6).
    expiresAt: Timestamp,
  }),
})
export type StockReservedV1 = EventOf<typeof StockReservedV1>
