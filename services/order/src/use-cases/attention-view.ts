import { asc, count, eq } from 'drizzle-orm'
import type { OrderDb } from '../db'
import { orders } from '../db/schema'
import type { OrderRow } from './order-rows'

/** One order waiting for an operator, as the admin list shows it: why, and since when. */
export function attentionSummary(row: OrderRow) {
  return {
    orderId: row.id,
    orderNo: row.orderNo,
    userId: row.userId,
    status: row.status,
    totalAmount: row.totalAmount,
    refundedAmount: row.refundedAmount,
    reason: row.attentionReason ?? '',
    since: (row.attentionSince ?? row.updatedAt).toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** A page of the orders in NEEDS_ATTENTION, the longest waiting first (index orders_status_idx). */
export async function listNeedingAttention(db: OrderDb, at: { offset: number; size: number }) {
  const waiting = eq(orders.status, 'NEEDS_ATTENTION')
  const [rows, [total]] = await Promise.all([
    db.select().from(orders).where(waiting).orderBy(asc(orders.id)).limit(at.size).offset(at.offset),
    db.select({ n: count() }).from(orders).where(waiting),
  ])
  return { rows, totalItems: total?.n ?? 0 }
}

/** Any order by id (the operator's read), or undefined. */
export async function findOrder(db: OrderDb, orderId: number) {
  const [row] = await db.select().from(orders).where(eq(orders.id, orderId))
  return row
}
