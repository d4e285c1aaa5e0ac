import { and, asc, eq } from 'drizzle-orm'
import type { OrderTx } from '../db'
import { orderItems, orderStatusHistory, orders } from '../db/schema'
import type { OrderStatus } from '../domain/order-status'
import type { ItemStatus } from '../domain/refunds'

export type OrderRow = typeof orders.$inferSelect
export type ItemRow = typeof orderItems.$inferSelect

/** The order, locked for this transaction (a route and a consumer never move it at once); undefined when unknown. */
export async function lockOrder(tx: OrderTx, orderId: number): Promise<OrderRow | undefined> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update')
  return row
}

/** The caller's own order, locked; someone else's is as unknown as a missing one (SPEC §4: 404). */
export async function lockOwnOrder(tx: OrderTx, at: { orderId: number; userId: number }) {
  const [row] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.id, at.orderId), eq(orders.userId, at.userId)))
    .for('update')
  return row
}

/** An order's items, in the order they were placed. */
export const itemsOf = (tx: OrderTx, orderId: number) =>
  tx.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id))

/** An order's history, oldest first. */
export const historyOf = (tx: OrderTx, orderId: number) =>
  tx
    .select()
    .from(orderStatusHistory)
    .where(eq(orderStatusHistory.orderId, orderId))
    .orderBy(asc(orderStatusHistory.id))

/** The status column as the state machine's type (written only from it). */
export const statusOf = (row: OrderRow) => row.status as OrderStatus
export const itemStatusOf = (row: ItemRow) => row.status as ItemStatus

/** The SKU lines of an order's items, as the saga events carry them. */
export const lineItemsOf = (items: ItemRow[]) => items.map((i) => ({ skuId: i.skuId, quantity: i.quantity }))
