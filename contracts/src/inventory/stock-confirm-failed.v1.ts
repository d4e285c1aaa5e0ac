import { type Static, Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id } from '../common'
import { aboutOrder } from '../routing'
import { inventoryEvent } from './define'

export const StockConfirmFailureReason = Type.Union([
  Type.Literal('SKU_NOT_FOUND'),
  Type.Literal('NOT_ENOUGH_RESERVED'),
  // The reservation lapsed before the payment arrived (SPEC §6 safety net).
  Type.Literal('RESERVATION_EXPIRED'),
])
export type StockConfirmFailureReason = Static<typeof StockConfirmFailureReason>

/** A paid order's reservation could not be turned into a sale; the order is cancelled and refunded. */
export const StockConfirmFailedV1 = inventoryEvent({
  type: 'stock.confirm.failed',
  version: 1,
  ...aboutOrder,
  data: Type.Object({
    orderId: Id,
    reason: StockConfirmFailureReason,
  }),
})
export type StockConfirmFailedV1 = EventOf<typeof StockConfirmFailedV1>
