import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, Timestamp } from '../common'

/**
 * An operator asked to run an order's failed compensation again (SPEC §6: NEEDS_ATTENTION, retry): payment re-runs
 * the refunds of the order that failed after their retries, with fresh attempts and each refund's own PG
 * Idempotency-Key, so a success is one `payment.refunded` and a new failure one more `payment.refund.failed`.
 */
export const OrderCompensationRetryRequestedV1 = defineEvent({
  type: 'order.compensation.retry.requested',
  version: 1,
  source: '/commerce/order',
  aggregateType: 'order', // topic commerce.order.events
  // Key: the order id, so one order's events stay in order on the topic.
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    // The admin (auth user id) who asked; for the payment side's logs and audits.
    requestedBy: Id,
    requestedAt: Timestamp,
  }),
})
export type OrderCompensationRetryRequestedV1 = EventOf<typeof OrderCompensationRetryRequestedV1>
