import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, LineItems, Timestamp } from '../common'

/** A reservation outlived its TTL unconfirmed and was released; the order cancels if still unpaid. */
export const StockReservationExpiredV1 = defineEvent({
  type: 'stock.reservation.expired',
  version: 1,
  source: '/commerce/inventory',
  aggregateType: 'inventory', // topic commerce.inventory.events
  // Key: the order id, so one order's events stay in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    items: LineItems,
    // The deadline that passed (stock.reserved's expiresAt); the event time may be later.
    expiredAt: Timestamp,
  }),
})
export type StockReservationExpiredV1 = EventOf<typeof StockReservationExpiredV1>
