import type { EventMeta } from '@commerce/contracts'
import { OrderRefundRequestedV1 } from '@commerce/contracts/order'
import { appendOutbox } from '@commerce/platform/outbox'
import { and, eq, inArray } from 'drizzle-orm'
import type { OrderTx } from '../db'
import { orderItems } from '../db/schema'
import { OrderErrors } from '../domain/errors'
import { isRefundable } from '../domain/order-status'
import { planRefund } from '../domain/refunds'
import { recordHistory } from './history'
import { itemStatusOf, itemsOf, lockOwnOrder, statusOf } from './order-rows'

/** What `POST /api/orders/{id}/refund` answers (202: payment refunds at the PG, then the order moves). */
export interface RefundRequested {
  orderId: number
  refundAmount: number
  refundedItemIds: number[]
  orderStatus: string
}

/**
 * The owner asks for items back (SPEC §4, §6 refund): CONFIRMED or PARTIALLY_REFUNDED only (ORDER-409-003); the items
 * become REFUND_REQUESTED, a history note is written and `order.refund.requested` goes to payment. The order's status
 * moves when `payment.refunded` arrives. Unknown items → ORDER-404-002; refunded or pending ones → ORDER-409-007.
 */
export async function requestRefund(
  tx: OrderTx,
  input: { orderId: number; userId: number; itemIds: number[] | undefined },
  meta: EventMeta,
): Promise<RefundRequested> {
  const order = await lockOwnOrder(tx, input)
  if (!order) throw OrderErrors.notFound()
  const status = statusOf(order)
  if (!isRefundable(status)) throw OrderErrors.cannotRefund(status)
  const items = await itemsOf(tx, order.id)
  const plan = planRefund(
    items.map((i) => ({ id: i.id, lineAmount: i.lineAmount, status: itemStatusOf(i) })),
    { requested: input.itemIds, totalAmount: order.totalAmount },
  )
  if (!plan.ok) {
    throw plan.problem === 'unknown-items'
      ? OrderErrors.itemNotFound(plan.itemIds)
      : OrderErrors.itemNotRefundable(plan.itemIds)
  }
  const now = meta.now
  await tx
    .update(orderItems)
    .set({ status: 'REFUND_REQUESTED', updatedAt: now })
    .where(and(eq(orderItems.orderId, order.id), inArray(orderItems.id, plan.itemIds)))
  await recordHistory(tx, { orderId: order.id, from: status, to: status, reason: 'REFUND_REQUESTED' }, now)
  const data = {
    orderId: order.id,
    userId: order.userId,
    refundAmount: plan.refundAmount,
    refundedItemIds: plan.itemIds,
  }
  await appendOutbox(tx, OrderRefundRequestedV1.create(data, { ...meta, correlationId: String(order.id) }))
  return { orderId: order.id, refundAmount: plan.refundAmount, refundedItemIds: plan.itemIds, orderStatus: status }
}
