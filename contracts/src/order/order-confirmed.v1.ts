import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, LineItems } from '../common'
import { aboutOrder } from '../routing'
import { orderEvent } from './define'

/** An order was paid; inventory turns its reservation into a sale and catalog counts the sales. */
export const OrderConfirmedV1 = orderEvent({
  type: 'order.confirmed',
  version: 1,
  ...aboutOrder,
  data: Type.Object({
    orderId: Id,
    items: LineItems,
  }),
})
export type OrderConfirmedV1 = EventOf<typeof OrderConfirmedV1>
