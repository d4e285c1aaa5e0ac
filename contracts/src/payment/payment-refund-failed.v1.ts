import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Currency, Id, Money, oneOf, Timestamp } from '../common'

/**
 * A refund (or the void/refund of a cancelled order) still failed after every retry: money may be held that should
 * not be. The order moves to NEEDS_ATTENTION for an operator (SPEC §6).
 */
export const PaymentRefundFailedV1 = defineEvent({
  type: 'payment.refund.failed',
  version: 1,
  source: '/commerce/payment',
  aggregateType: 'payment', // topic commerce.payment.events
  // Key: the order id, not the payment id, so the order's saga stays in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `payment/${data.paymentId}`,
  data: Type.Object({
    paymentId: Id,
    orderId: Id,
    // What the refund was for: the buyer's request, or the cancellation of an order already charged.
    reason: oneOf(['REFUND_REQUESTED', 'ORDER_CANCELLED']),
    amount: Money,
    currency: Currency,
    // The PG's last error code, for people reading logs; never branch on it.
    pgErrorCode: Type.Optional(Type.String()),
    // Echo of order.refund.requested's item ids; absent when reason is ORDER_CANCELLED.
    refundedItemIds: Type.Optional(Type.Array(Id, { minItems: 1 })),
    failedAt: Timestamp,
  }),
})
export type PaymentRefundFailedV1 = EventOf<typeof PaymentRefundFailedV1>
