import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, Money, PricedLineItem } from '../common'
import { aboutOrder } from '../routing'
import { orderEvent } from './define'

/** An order was created; inventory reserves its items and payment learns the amount and the buyer. */
export const OrderPlacedV1 = orderEvent({
  type: 'order.placed',
  version: 1,
  ...aboutOrder,
  data: Type.Object({
    orderId: Id,
    userId: Id,
    // The order total: what payment must charge.
    payableAmount: Money,
    items: Type.Array(PricedLineItem, { minItems: 1 }),
  }),
})
export type OrderPlacedV1 = EventOf<typeof OrderPlacedV1>
