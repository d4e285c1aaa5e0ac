import type { OrderTx } from '../db'
import { orderStatusHistory } from '../db/schema'
import type { OrderStatus } from '../domain/order-status'

/** One history row (SPEC §6: every transition writes one); `from` null for the creation, from = to for a note. */
export async function recordHistory(
  tx: OrderTx,
  row: { orderId: number; from: OrderStatus | null; to: OrderStatus; reason: string | null },
  now: Date,
): Promise<void> {
  await tx.insert(orderStatusHistory).values({
    orderId: row.orderId,
    fromStatus: row.from,
    toStatus: row.to,
    reason: row.reason,
    createdAt: now,
  })
}
