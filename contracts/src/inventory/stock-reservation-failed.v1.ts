import { type Static, Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, oneOf, Quantity } from '../common'

export const StockReservationFailureReason = oneOf([
  'NOT_ENOUGH_STOCK',
  'SKU_NOT_FOUND',
  'RESERVATION_CONFLICT',
  'INVENTORY_LOCKED',
])
export type StockReservationFailureReason = Static<typeof StockReservationFailureReason>

/** Nothing was reserved for an order (reservation is all or nothing); the order fails. */
export const StockReservationFailedV1 = defineEvent({
  type: 'stock.reservation.failed',
  version: 1,
  source: '/commerce/inventory',
  aggregateType: 'inventory', // topic commerce.inventory.events
  // Key: the order id, so one order's events stay in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    reason: StockReservationFailureReason,
    failedItems: Type.Array(
      Type.Object({
        skuId: Id,
        requestedQuantity: Quantity,
        // Absent when the SKU is unknown to inventory.
        availableQuantity: Type.Optional(Type.Integer({ minimum: 0 })),
      }),
    ),
  }),
})
export type StockReservationFailedV1 = EventOf<typeof StockReservationFailedV1>
