import type { EventMeta } from '@commerce/contracts'
import { OrderRefundedV1 } from '@commerce/contracts/order'
import type { Logger } from '@commerce/platform/log'
import { appendOutbox } from '@commerce/platform/outbox'
import { and, eq, inArray } from 'drizzle-orm'
import type { OrderTx } from '../db'
import { orderItems, orders } from '../db/schema'
import { isClosedByOperator, statusAfterCancelRefund, statusAfterRecordedRefund } from '../domain/attention'
import { canMove } from '../domain/order-status'
import { statusAfterRefund } from '../domain/refunds'
import { recordHistory } from './history'
import { counted, type SagaOutcome } from './metrics'
import { moveOrder } from './move-order'
import { itemStatusOf, itemsOf, lockOrder, type OrderRow, statusOf } from './order-rows'

/** payment.refunded as the order sees it. */
export interface RefundInput {
  orderId: number
  reason: 'REFUND_REQUESTED' | 'ORDER_CANCELLED'
  refundedAmount: number
  refundedItemIds: number[] | undefined
}

const type = 'payment.refunded'

async function addRefunded(tx: OrderTx, input: { orderId: number; amount: number; now: Date }) {
  const [row] = await tx.select({ total: orders.refundedAmount }).from(orders).where(eq(orders.id, input.orderId))
  const total = (row?.total ?? 0) + input.amount
  await tx.update(orders).set({ refundedAmount: total, updatedAt: input.now }).where(eq(orders.id, input.orderId))
  return total
}

// A cancelled order that had been charged: the amount recorded; back to CANCELLED if its refund had failed before.
async function recordCancelRefund(tx: OrderTx, input: { order: OrderRow; amount: number }, now: Date) {
  const { order } = input
  const status = statusOf(order)
  await addRefunded(tx, { orderId: order.id, amount: input.amount, now })
  const to = statusAfterCancelRefund(status)
  if (to !== status) {
    await moveOrder(tx, { order, to, reason: 'REFUNDED_AFTER_CANCEL' }, now)
    return counted(type, 'moved')
  }
  await recordHistory(tx, { orderId: order.id, from: status, to: status, reason: 'REFUNDED_AFTER_CANCEL' }, now)
  return counted(type, 'recorded')
}

/**
 * The PG refunded (SPEC §6). For the buyer's request: the named items become REFUNDED, the refunded amount grows, the
 * order moves to PARTIALLY_REFUNDED or REFUNDED and `order.refunded` tells inventory (restock) and catalog (sales).
 * For a cancelled order that had been charged: the amount is recorded with a history note; it stays CANCELLED.
 * NEEDS_ATTENTION (an operator's retry succeeded) leaves for the state the refund implies, unless another refund is
 * still outstanding. RESOLVED is closed: ignored, with a warning. Items already REFUNDED make it a repeat: ignored.
 */
export async function recordRefund(
  tx: OrderTx,
  input: RefundInput & { logger: Logger },
  meta: EventMeta,
): Promise<SagaOutcome> {
  const order = await lockOrder(tx, input.orderId)
  if (!order) {
    input.logger.warn('refund for an order this service never placed; ignored', { orderId: input.orderId })
    return counted(type, 'unknown_order')
  }
  const now = meta.now
  const status = statusOf(order)
  if (isClosedByOperator(status)) {
    input.logger.warn('refund for an order an operator resolved; ignored', { orderId: order.id })
    return counted(type, 'ignored')
  }
  if (input.reason === 'ORDER_CANCELLED' || !input.refundedItemIds) {
    return recordCancelRefund(tx, { order, amount: input.refundedAmount }, now)
  }
  const ids = input.refundedItemIds
  const items = await itemsOf(tx, order.id)
  const refunding = items.filter((i) => ids.includes(i.id) && itemStatusOf(i) !== 'REFUNDED')
  if (refunding.length === 0) return counted(type, 'ignored')
  const refundingIds = refunding.map((i) => i.id)
  await tx
    .update(orderItems)
    .set({ status: 'REFUNDED', updatedAt: now })
    .where(and(eq(orderItems.orderId, order.id), inArray(orderItems.id, refundingIds)))
  const total = await addRefunded(tx, { orderId: order.id, amount: input.refundedAmount, now })
  const next = statusAfterRefund(
    items.map((i) => ({ id: i.id, lineAmount: i.lineAmount, status: itemStatusOf(i) })),
    refundingIds,
  )
  // NEEDS_ATTENTION with another refund outstanding keeps its status for the operator; money and items are recorded.
  const refundsOutstanding = items.some((i) => !refundingIds.includes(i.id) && itemStatusOf(i) === 'REFUND_REQUESTED')
  const to = statusAfterRecordedRefund({ status, next, refundsOutstanding })
  const moves = to === next && canMove(status, next)
  if (moves) await tx.update(orders).set({ status: to }).where(eq(orders.id, order.id))
  await recordHistory(tx, { orderId: order.id, from: status, to, reason: 'REFUNDED' }, now)
  const data = {
    orderId: order.id,
    userId: order.userId,
    refundedAmount: input.refundedAmount,
    totalRefundedAmount: total,
    status: next,
    items: refunding.map((i) => ({ itemId: i.id, skuId: i.skuId, quantity: i.quantity })),
  }
  await appendOutbox(tx, OrderRefundedV1.create(data, { ...meta, correlationId: String(order.id) }))
  return counted(type, moves ? 'moved' : 'recorded')
}
