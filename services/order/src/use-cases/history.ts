import type { OrderTx } from '../db'
import { orderStatusHistory } from '../db/schema'
import type { OrderStatus } from '../domain/order-status'

/** Who acted, when a person did (an operator's retry or resolve): the admin's user id and their words. */
export interface Actor {
  actorId: number
  note?: string
}

/** One history row (SPEC §6: every transition writes one); `from` null for the creation, from = to for a note. */
export async function recordHistory(
  tx: OrderTx,
  row: { orderId: number; from: OrderStatus | null; to: OrderStatus; reason: string | null; by?: Actor },
  now: Date,
): Promise<void> {
  await tx.insert(orderStatusHistory).values({
    orderId: row.orderId,
    fromStatus: row.from,
    toStatus: row.to,
    reason: row.reason,
    actorId: row.by?.actorId ?? null,
    note: row.by?.note ?? null,
    createdAt: now,
  })
}
