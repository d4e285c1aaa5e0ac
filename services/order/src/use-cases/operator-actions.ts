import type { EventMeta } from '@commerce/contracts'
import { OrderCompensationRetryRequestedV1 } from '@commerce/contracts/order'
import { appendOutbox } from '@commerce/platform/outbox'
import type { OrderTx } from '../db'
import { awaitsOperator } from '../domain/attention'
import { OrderErrors } from '../domain/errors'
import { recordHistory } from './history'
import { moveOrder } from './move-order'
import { lockOrder, type OrderRow, statusOf } from './order-rows'

/** What `POST /api/orders/{id}/attention/retry` answers (202: payment re-runs the refund, then the order moves). */
export interface RetryRequested {
  orderId: number
  status: 'NEEDS_ATTENTION'
  retryRequestedAt: string
}

/** What `POST /api/orders/{id}/attention/resolve` answers. */
export interface Resolved {
  orderId: number
  status: 'RESOLVED'
  resolvedBy: number
  reason: string
}

// Any order, not only the caller's: the operator acts for the platform. Unknown → 404; not waiting → 409.
async function lockAwaitingOrder(tx: OrderTx, orderId: number): Promise<OrderRow> {
  const order = await lockOrder(tx, orderId)
  if (!order) throw OrderErrors.notFound()
  const status = statusOf(order)
  if (!awaitsOperator(status)) throw OrderErrors.notAwaitingOperator(status)
  return order
}

/**
 * An operator retries the failed compensation of an order in NEEDS_ATTENTION (SPEC §6): a history note with who asked,
 * and `order.compensation.retry.requested` for payment, which re-runs the failed refunds (same PG Idempotency-Key per
 * refund). The order stays in NEEDS_ATTENTION until `payment.refunded` moves it (or a new `payment.refund.failed`
 * adds a note). Choreographed through the outbox, so the retry survives a crash of either side.
 */
export async function retryCompensation(
  tx: OrderTx,
  input: { orderId: number; adminId: number },
  meta: EventMeta,
): Promise<RetryRequested> {
  const order = await lockAwaitingOrder(tx, input.orderId)
  const status = statusOf(order)
  const by = { actorId: input.adminId }
  await recordHistory(tx, { orderId: order.id, from: status, to: status, reason: 'RETRY_REQUESTED', by }, meta.now)
  const requestedAt = meta.now.toISOString()
  const data = { orderId: order.id, requestedBy: input.adminId, requestedAt }
  await appendOutbox(tx, OrderCompensationRetryRequestedV1.create(data, { ...meta, correlationId: String(order.id) }))
  return { orderId: order.id, status: 'NEEDS_ATTENTION', retryRequestedAt: requestedAt }
}

/**
 * An operator closes an order in NEEDS_ATTENTION with a reason (SPEC §6): RESOLVED, terminal; the reason and the
 * operator in its history. The books were settled outside the saga (the PG console, a bank transfer), so any late
 * saga event about it is ignored and counted, never applied.
 */
export async function resolveAttention(
  tx: OrderTx,
  input: { orderId: number; adminId: number; reason: string },
  meta: EventMeta,
): Promise<Resolved> {
  const order = await lockAwaitingOrder(tx, input.orderId)
  const by = { actorId: input.adminId, note: input.reason }
  await moveOrder(tx, { order, to: 'RESOLVED', reason: 'RESOLVED_BY_OPERATOR', by }, meta.now)
  return { orderId: order.id, status: 'RESOLVED', resolvedBy: input.adminId, reason: input.reason }
}
