import type { EventMeta } from '@commerce/contracts'
import { OrderCancelledV1, type OrderCancelReason, OrderConfirmedV1 } from '@commerce/contracts/order'
import { EventNotYet } from '@commerce/platform/kafka'
import type { Logger } from '@commerce/platform/log'
import { appendOutbox } from '@commerce/platform/outbox'
import type { OrderTx } from '../db'
import { reactTo, type SagaSignal } from '../domain/order-status'
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
 * stale one, or hold an early one: EventNotYet makes the consumer runner park it (the partition moves on) and offer it
 * again until the move it waits for has happened.
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
  if (reaction.kind === 'hold') {
    counted(signal, 'held')
    throw new EventNotYet(`ORDER_${order.status}`, `${signal} for order ${orderId} waits: the order is ${order.status}`)
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
  return counted(signal, 'moved')
}
