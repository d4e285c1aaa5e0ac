import type { EventMeta } from '@commerce/contracts'
import { OrderPlacedV1 } from '@commerce/contracts/order'
import { appendOutbox } from '@commerce/platform/outbox'
import type { OrderTx } from '../db'
import { orderItems, orders } from '../db/schema'
import { newOrderNo } from '../domain/order-amounts'
import type { OrderDraft } from './draft-order'
import { recordHistory } from './history'

/** What `POST /api/orders` answers (SPEC §4). */
export interface PlacedOrder {
  orderId: number
  orderNo: string
  status: 'CREATED'
  totalAmount: number
}

/**
 * Writes a drafted order in the caller's transaction (SPEC §6 step 1): the order CREATED, its items with their
 * catalog snapshot, the history row null → CREATED and `order.placed` (correlation id = the order id), together.
 */
export async function placeOrder(tx: OrderTx, draft: OrderDraft, meta: EventMeta): Promise<PlacedOrder> {
  const now = meta.now
  const orderNo = newOrderNo(now)
  const { amounts } = draft
  const [inserted] = await tx.insert(orders).values({
    orderNo,
    userId: draft.userId,
    status: 'CREATED',
    subtotalAmount: amounts.subtotalAmount,
    discountAmount: amounts.discountAmount,
    shippingFee: amounts.shippingFee,
    totalAmount: amounts.totalAmount,
    shippingAddress: draft.shippingAddress,
    createdAt: now,
    updatedAt: now,
  })
  const orderId = inserted.insertId
  await tx.insert(orderItems).values(
    draft.lines.map((line, i) => ({
      orderId,
      skuId: line.skuId,
      productId: line.productId,
      productName: line.productName,
      optionValues: line.optionValues,
      quantity: line.quantity,
      listPrice: line.listPrice,
      unitPrice: line.unitPrice,
      lineAmount: amounts.lineAmounts[i] ?? line.unitPrice * line.quantity,
      status: 'ORDERED',
      createdAt: now,
      updatedAt: now,
    })),
  )
  await recordHistory(tx, { orderId, from: null, to: 'CREATED', reason: null }, now)
  const data = {
    orderId,
    userId: draft.userId,
    orderNo,
    payableAmount: amounts.totalAmount,
    items: draft.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity, unitPrice: l.unitPrice })),
  }
  await appendOutbox(tx, OrderPlacedV1.create(data, { ...meta, correlationId: String(orderId) }))
  return { orderId, orderNo, status: 'CREATED', totalAmount: amounts.totalAmount }
}
