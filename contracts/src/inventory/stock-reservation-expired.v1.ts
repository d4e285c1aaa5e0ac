import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, LineItems, Timestamp } from '../common'
import { aboutOrder } from '../routing'
import { inventoryEvent } from './define'

/** A reservation outlived its TTL unconfirmed and was released; the order cancels if still unpaid. */
export const StockReservationExpiredV1 = inventoryEvent({
  type: 'stock.reservation.expired',
  version: 1,
  ...aboutOrder,
  data: Type.Object({
    orderId: Id,
    items: LineItems,
    // The deadline that passed (stock.reserved's expiresAt); the event time may be later.
    expiredAt: Timestamp,
  }),
})
export type StockReservationExpiredV1 = EventOf<typeof StockReservationExpiredV1>
