import { type Static, Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Currency, Id, Money, oneOf, PgTransactionId, Timestamp } from '../common'
import { aboutPayment } from '../routing'
import { paymentEvent } from './define'

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
export const PaymentFailedV1 = paymentEvent({
  type: 'payment.failed',
  version: 1,
  ...aboutPayment,
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
