import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, Money, oneOf, Quantity } from '../common'
import { aboutOrder } from '../routing'
import { orderEvent } from './define'

/** The PG refunded items of an order; inventory puts the refunded units back on sale. */
export const OrderRefundedV1 = orderEvent({
  type: 'order.refunded',
  version: 1,
  ...aboutOrder,
  data: Type.Object({
    orderId: Id,
    userId: Id,
    refundedAmount: Money,
    // Sum of every refund of this order so far, this one included.
    totalRefundedAmount: Money,
    status: oneOf(['PARTIALLY_REFUNDED', 'REFUNDED']),
    items: Type.Array(Type.Object({ itemId: Id, skuId: Id, quantity: Quantity }), { minItems: 1 }),
  }),
})
export type OrderRefundedV1 = EventOf<typeof OrderRefundedV1>
