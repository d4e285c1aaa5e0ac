import type { SagaTransition } from '@commerce/platform/service'
import { asc, eq } from 'drizzle-orm'
import type { OrderDb } from '../db'
import { orderStatusHistory } from '../db/schema'

/** The order's status history, for the ops saga timeline (correlation id = order id; anything else knows nothing). */
export async function orderSagaStates(db: OrderDb, correlationId: string): Promise<SagaTransition[]> {
  const orderId = Number(correlationId)
  if (!/^[1-9]\d{0,15}$/.test(correlationId) || !Number.isSafeInteger(orderId)) return []
  const rows = await db
    .select()
    .from(orderStatusHistory)
    .where(eq(orderStatusHistory.orderId, orderId))
    .orderBy(asc(orderStatusHistory.id))
  return rows.map((row) => ({
    at: row.createdAt.toISOString(),
    subject: `order ${orderId}`,
    from: row.fromStatus,
    to: row.toStatus,
    ...(row.reason ? { detail: row.reason } : {}),
  }))
}
