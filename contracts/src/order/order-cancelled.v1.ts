import { type Static, Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, LineItems } from '../common'
import { aboutOrder } from '../routing'
import { orderEvent } from './define'

/** Why an order was cancelled; a closed set so consumers can branch on it (original bug §12.10). */
export const OrderCancelReason = Type.Union([
  Type.Literal('USER_REQUEST'),
  Type.Literal('PAYMENT_TIMEOUT'),
  Type.Literal('PAYMENT_FAILED'),
  Type.Literal('STOCK_RESERVATION_FAILED'),
  Type.Literal('STOCK_CONFIRM_FAILED'),
  Type.Literal('RESERVATION_EXPIRED'),
])
export type OrderCancelReason = Static<typeof OrderCancelReason>

/** An order was cancelled; inventory releases its reservation and payment voids or refunds its payment. */
export const OrderCancelledV1 = orderEvent({
  type: 'order.cancelled',
  version: 1,
  ...aboutOrder,
  data: Type.Object({
    orderId: Id,
    reason: OrderCancelReason,
    items: LineItems,
  }),
})
export type OrderCancelledV1 = EventOf<typeof OrderCancelledV1>
