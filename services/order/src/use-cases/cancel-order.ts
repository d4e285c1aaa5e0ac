import type { EventMeta } from '@commerce/contracts'
import { OrderCancelledV1 } from '@commerce/contracts/order'
import { appendOutbox } from '@commerce/platform/outbox'
import type { OrderTx } from '../db'
import { OrderErrors } from '../domain/errors'
import { isCancellableByOwner } from '../domain/order-status'
import { moveOrder } from './move-order'
import { itemsOf, lineItemsOf, lockOwnOrder, statusOf } from './order-rows'

/**
 * The owner cancels while no money has moved (SPEC §4: CREATED or PAYMENT_PENDING, else ORDER-409-002): CANCELLED,
 * its history row and `order.cancelled {USER_REQUEST}` (inventory releases, payment voids or refunds). Cancelling a
 * cancelled order changes nothing and answers the same.
 */
export async function cancelOrder(
  tx: OrderTx,
  input: { orderId: number; userId: number },
  meta: EventMeta,
): Promise<{ orderId: number; status: 'CANCELLED' }> {
  const order = await lockOwnOrder(tx, input)
  if (!order) throw OrderErrors.notFound()
  const status = statusOf(order)
  if (status === 'CANCELLED') return { orderId: order.id, status }
  if (!isCancellableByOwner(status)) throw OrderErrors.cannotCancel(status)
  await moveOrder(tx, { order, to: 'CANCELLED', reason: 'USER_REQUEST' }, meta.now)
  const items = lineItemsOf(await itemsOf(tx, order.id))
  const data = { orderId: order.id, reason: 'USER_REQUEST' as const, items }
  await appendOutbox(tx, OrderCancelledV1.create(data, { ...meta, correlationId: String(order.id) }))
  return { orderId: order.id, status: 'CANCELLED' }
}
