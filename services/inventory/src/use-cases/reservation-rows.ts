import { and, eq, lte, sql } from 'drizzle-orm'
import type { InventoryDb, InventoryTx } from '../db'
import { reservations } from '../db/schema'
import type { ReservationStatus } from '../db/stock-store'
import type { StockItem } from '../domain/items'

/** MariaDB's record of an order's reservation, or undefined when inventory never decided anything for the order. */
export async function findReservation(tx: InventoryTx, orderId: number) {
  const rows = await tx.select().from(reservations).where(eq(reservations.orderId, orderId))
  return rows[0]
}

/** Writes the reservation's status (and its items and deadline when first seen). */
export async function saveReservation(
  tx: InventoryTx,
  row: { orderId: number; status: ReservationStatus; items: StockItem[]; expiresAt?: Date | undefined; now: Date },
) {
  await tx
    .insert(reservations)
    .values({
      orderId: row.orderId,
      status: row.status,
      items: row.items,
      expiresAt: row.expiresAt ?? null,
      createdAt: row.now,
      updatedAt: row.now,
    })
    .onDuplicateKeyUpdate({ set: { status: row.status, updatedAt: row.now } })
}

/** RESERVED reservations whose deadline passed at `now`, oldest first. */
export async function dueReservations(db: InventoryDb, now: Date, limit: number): Promise<number[]> {
  const rows = await db
    .select({ orderId: reservations.orderId })
    .from(reservations)
    .where(and(eq(reservations.status, 'RESERVED'), lte(reservations.expiresAt, now)))
    .orderBy(reservations.expiresAt)
    .limit(limit)
  return rows.map((r) => r.orderId)
}

/** Every RESERVED reservation (a rebuild puts them back into Redis). */
export const openReservations = (db: InventoryDb) =>
  db
    .select({ orderId: reservations.orderId, items: reservations.items, expiresAt: reservations.expiresAt })
    .from(reservations)
    .where(eq(reservations.status, sql`'RESERVED'`))
