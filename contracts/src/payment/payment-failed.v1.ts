import { type Static, Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Currency, Id, Money, oneOf, PgTransactionId, Timestamp } from '../common'

// Closed on purpose: the original sent gateway free text here and order's compensation dead-lettered (§12.10).
// The gateway's own code travels in pgErrorCode.
export const PaymentFailureReason = oneOf([
  'PG_DECLINED',
  'PG_SERVICE_UNAVAILABLE',
  'PAYMENT_TIMEOUT',
  'ORDER_CANCELLED',
])
export type PaymentFailureReason = Static<typeof PaymentFailureReason>

/** The payment will not be charged; the order is cancelled and its stock released. */
export const PaymentFailedV1 = defineEvent({
  type: 'payment.failed',
  version: 1,
  source: '/commerce/payment',
  aggregateType: 'payment', // topic commerce.payment.events
  // Key: the order id, not the payment id, so the order's saga stays in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `payment/${data.paymentId}`,
  data: Type.Object({
    paymentId: Id,
    orderId: Id,
    // Absent when no PG call was made (timeout, cancelled before confirm).
    pgTransactionId: Type.Optional(PgTransactionId),
    // The amount that will not be charged: the whole payment amount.
    cancelledAmount: Money,
    currency: Currency,
    reason: PaymentFailureReason,
    // The PG's error code (e.g. Toss REJECT_CARD_PAYMENT), for people reading logs; never branch on it.
    pgErrorCode: Type.Optional(Type.String()),
    cancelledAt: Timestamp,
  }),
})
export type PaymentFailedV1 = EventOf<typeof PaymentFailedV1>
