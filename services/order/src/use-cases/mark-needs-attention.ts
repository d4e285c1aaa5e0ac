import type { EventMeta } from '@commerce/contracts'
import type { Logger } from '@commerce/platform/log'
import { eq } from 'drizzle-orm'
import type { OrderTx } from '../db'
import { orders } from '../db/schema'
import { canMove } from '../domain/order-status'
import { recordHistory } from './history'
import { counted, type SagaOutcome } from './metrics'
import { moveOrder } from './move-order'
import { lockOrder, statusOf } from './order-rows'

/**
 * A compensation still failed after its retries (SPEC §6): the order waits for an operator in NEEDS_ATTENTION, with
 * the reason in its history and on the order (the operator's list). Already there (e.g. an operator's retry failed
 * again): a history note, and the order shows the latest reason. RESOLVED: closed, ignored.
 */
export async function markNeedsAttention(
  tx: OrderTx,
  input: { orderId: number; reason: string; type: string; logger: Logger },
  meta: EventMeta,
): Promise<SagaOutcome> {
  const order = await lockOrder(tx, input.orderId)
  if (!order) {
    input.logger.warn('failure for an order this service never placed; ignored', { orderId: input.orderId })
    return counted(input.type, 'unknown_order')
  }
  const status = statusOf(order)
  if (status === 'NEEDS_ATTENTION') {
    await tx.update(orders).set({ attentionReason: input.reason, updatedAt: meta.now }).where(eq(orders.id, order.id))
    await recordHistory(tx, { orderId: order.id, from: status, to: status, reason: input.reason }, meta.now)
    return counted(input.type, 'recorded')
  }
  if (!canMove(status, 'NEEDS_ATTENTION')) return counted(input.type, 'ignored')
  input.logger.error('order needs attention: a compensation failed after its retries', {
    orderId: order.id,
    reason: input.reason,
  })
  await moveOrder(tx, { order, to: 'NEEDS_ATTENTION', reason: input.reason }, meta.now)
  return counted(input.type, 'moved')
}
