import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, LineItems } from '../common'
import { aboutOrder } from '../routing'
import { inventoryEvent } from './define'

/** A paid order's reserved stock became sold; the order is confirmed. */
export const StockConfirmedV1 = inventoryEvent({
  type: 'stock.confirmed',
  version: 1,
  ...aboutOrder,
  data: Type.Object({
    orderId: Id,
    items: LineItems,
  }),
})
export type StockConfirmedV1 = EventOf<typeof StockConfirmedV1>
