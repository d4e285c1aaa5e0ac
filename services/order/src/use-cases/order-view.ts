import { and, count, desc, eq } from 'drizzle-orm'
import type { OrderDb, OrderTx } from '../db'
import { orders } from '../db/schema'
import { historyOf, itemsOf, type OrderRow } from './order-rows'

const iso = (date: Date | null) => (date ? date.toISOString() : undefined)

/** An order as the list shows it (SPEC §4, original §6.1). */
export function orderSummary(row: OrderRow) {
  return {
    orderId: row.id,
    orderNo: row.orderNo,
    userId: row.userId,
    status: row.status,
    subtotalAmount: row.subtotalAmount,
    discountAmount: row.discountAmount,
    shippingFee: row.shippingFee,
    totalAmount: row.totalAmount,
    refundedAmount: row.refundedAmount,
    currency: 'KRW' as const,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** The whole order (SPEC §4 `GET /api/orders/{id}`): items with their snapshot, history, address, timestamps. */
export async function orderDetail(tx: OrderTx, row: OrderRow) {
  const [items, history] = await Promise.all([itemsOf(tx, row.id), historyOf(tx, row.id)])
  const paidAt = iso(row.paidAt)
  const cancelledAt = iso(row.cancelledAt)
  return {
    ...orderSummary(row),
    items: items.map((i) => ({
      itemId: i.id,
      skuId: i.skuId,
      productId: i.productId,
      productName: i.productName,
      optionValues: i.optionValues,
      quantity: i.quantity,
      unitPrice: i.unitPrice,
      lineAmount: i.lineAmount,
      status: i.status,
    })),
    history: history.map((h) => ({
      from: h.fromStatus,
      to: h.toStatus,
      reason: h.reason,
      at: h.createdAt.toISOString(),
      ...(h.actorId === null ? {} : { actorId: h.actorId }),
      ...(h.note === null ? {} : { note: h.note }),
    })),
    shippingAddress: row.shippingAddress,
    ...(paidAt ? { paidAt } : {}),
    ...(cancelledAt ? { cancelledAt } : {}),
  }
}

/** The caller's own order, or undefined (someone else's is as unknown as a missing one). */
export async function findOwnOrder(db: OrderDb, at: { orderId: number; userId: number }) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, at.orderId), eq(orders.userId, at.userId)))
  return row
}

/** A page of the caller's orders, newest first. */
export async function listOwnOrders(db: OrderDb, at: { userId: number; offset: number; size: number }) {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(orders)
      .where(eq(orders.userId, at.userId))
      .orderBy(desc(orders.id))
      .limit(at.size)
      .offset(at.offset),
    db.select({ n: count() }).from(orders).where(eq(orders.userId, at.userId)),
  ])
  return { rows, totalItems: total?.n ?? 0 }
}
