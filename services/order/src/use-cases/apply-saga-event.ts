import type { EventMeta } from '@commerce/contracts'
import { OrderCancelledV1, type OrderCancelReason, OrderConfirmedV1 } from '@commerce/contracts/order'
import type { Logger } from '@commerce/platform/log'
import { appendOutbox } from '@commerce/platform/outbox'
import type { OrderTx } from '../db'
import { reactTo, type SagaSignal } from '../domain/order-status'
import { holdEvent, takeHeldEvents } from './held-events'
import { counted, type SagaOutcome } from './metrics'
import { moveOrder } from './move-order'
import { itemsOf, lineItemsOf, lockOrder, statusOf } from './order-rows'

/** One saga event as the order sees it. */
export interface SagaInput {
  orderId: number
  signal: SagaSignal
  /** The history row's reason (the event's own reason when it has one). */
  reason: string
  /** The `order.cancelled` reason when the move is a cancellation. */
  cancelReason?: OrderCancelReason
  /** When payment says it was approved (payment.completed), ISO-8601. */
  paidAt?: string
}

/**
 * Applies a saga event to its order (SPEC §6) by the state machine's reaction: move (with its history row and the
 * events the new state publishes: `order.confirmed` at PAID, `order.cancelled` at CANCELLED), ignore a duplicate or
 * stale one, or hold an early one: it is parked in held_events (the partition moves on) and replayed by the move
 * that makes it applicable, in this same transaction.
 */
export async function applySagaEvent(
  tx: OrderTx,
  input: SagaInput & { logger: Logger },
  meta: EventMeta,
): Promise<SagaOutcome> {
  const { orderId, signal } = input
  const order = await lockOrder(tx, orderId)
  if (!order) {
    input.logger.warn('saga event for an order this service never placed; ignored', { orderId, signal })
    return counted(signal, 'unknown_order')
  }
  const reaction = reactTo(statusOf(order), signal)
  if (reaction.kind === 'ignore') return counted(signal, 'ignored')
  const { logger, ...held } = input
  if (reaction.kind === 'hold') {
    logger.info('early saga event held until its prerequisite arrives', { orderId, signal, status: order.status })
    await holdEvent(tx, { orderId, eventId: meta.causationId, signal, input: held, now: meta.now })
    return counted(signal, 'held')
  }
  const now = meta.now
  const to = reaction.to
  const paidAt = input.paidAt ? { paidAt: new Date(input.paidAt) } : {}
  await moveOrder(tx, { order, to, reason: input.reason, ...paidAt }, now)
  const eventMeta = { ...meta, correlationId: String(orderId) }
  if (to === 'PAID') {
    const items = lineItemsOf(await itemsOf(tx, orderId))
    await appendOutbox(tx, OrderConfirmedV1.create({ orderId, items }, eventMeta))
  }
  if (to === 'CANCELLED') {
    const items = lineItemsOf(await itemsOf(tx, orderId))
    const reason = input.cancelReason ?? 'PAYMENT_FAILED'
    await appendOutbox(tx, OrderCancelledV1.create({ orderId, reason, items }, eventMeta))
  }
  // What waited for this move now applies (or is ignored, or waits again), each caused by its own event.
  for (const parked of await takeHeldEvents(tx, orderId)) {
    const replay = { ...(parked.input as unknown as SagaInput), logger }
    await applySagaEvent(tx, replay, { ...meta, causationId: parked.eventId })
  }
  return counted(signal, 'moved')
}
