import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Currency, Id, Money, PgTransactionId, Timestamp } from '../common'
import { aboutPayment } from '../routing'
import { paymentEvent } from './define'

/** The PG approved the payment; the order becomes PAID. */
export const PaymentCompletedV1 = paymentEvent({
  type: 'payment.completed',
  version: 1,
  ...aboutPayment,
  data: Type.Object({
    paymentId: Id,
    orderId: Id,
    pgTransactionId: PgTransactionId,
    paidAmount: Money,
    currency: Currency,
    approvedAt: Timestamp,
  }),
})
export type PaymentCompletedV1 = EventOf<typeof PaymentCompletedV1>
