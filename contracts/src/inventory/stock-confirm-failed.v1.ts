import { type Static, Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id } from '../common'

export const StockConfirmFailureReason = Type.Union([
  Type.Literal('SKU_NOT_FOUND'),
  Type.Literal('NOT_ENOUGH_RESERVED'),
  // The reservation lapsed before the payment arrived (SPEC §6 safety net).
  Type.Literal('RESERVATION_EXPIRED'),
])
export type StockConfirmFailureReason = Static<typeof StockConfirmFailureReason>

/** A paid order's reservation could not be turned into a sale; the order is cancelled and refunded. */
export const StockConfirmFailedV1 = defineEvent({
  type: 'stock.confirm.failed',
  version: 1,
  source: '/commerce/inventory',
  aggregateType: 'inventory', // topic commerce.inventory.events
  // Key: the order id, so one order's events stay in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    reason: StockConfirmFailureReason,
  }),
})
export type StockConfirmFailedV1 = EventOf<typeof StockConfirmFailedV1>
