import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, Money } from '../common'
import { aboutOrder } from '../routing'
import { orderEvent } from './define'

/** The buyer asked for (part of) a confirmed order back; payment cancels that amount at the PG. */
export const OrderRefundRequestedV1 = orderEvent({
  type: 'order.refund.requested',
  version: 1,
  ...aboutOrder,
  data: Type.Object({
    orderId: Id,
    userId: Id,
    refundAmount: Money,
    // Order item ids (not SKU ids); payment echoes them in payment.refunded so order can match the refund.
    refundedItemIds: Type.Array(Id, { minItems: 1 }),
  }),
})
export type OrderRefundRequestedV1 = EventOf<typeof OrderRefundRequestedV1>
