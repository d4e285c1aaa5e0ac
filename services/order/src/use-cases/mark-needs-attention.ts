import type { EventMeta } from '@commerce/contracts'
import type { Logger } from '@commerce/platform/log'
import type { OrderTx } from '../db'
import { canMove } from '../domain/order-status'
import { counted, type SagaOutcome } from './metrics'
import { moveOrder } from './move-order'
import { lockOrder, statusOf } from './order-rows'

/**
 * A compensation still failed after its retries (SPEC §6): the order waits for an operator in NEEDS_ATTENTION, with
 * the reason in its history. Already there: a repeat, ignored.
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
  if (!canMove(statusOf(order), 'NEEDS_ATTENTION')) return counted(input.type, 'ignored')
  input.logger.error('order needs attention: a compensation failed after its retries', {
    orderId: order.id,
    reason: input.reason,
  })
  await moveOrder(tx, { order, to: 'NEEDS_ATTENTION', reason: input.reason }, meta.now)
  return counted(input.type, 'moved')
}
