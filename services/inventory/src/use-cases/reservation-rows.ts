import { and, eq, gt, gte, lte, or, sql } from 'drizzle-orm'
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

/** Where a page of RESERVED rows ends: the index `(status, expires_at)` holds them in this order. */
export interface ReservationCursor {
  expiresAt: Date
  orderId: number
}

/** RESERVED rows after `after` in (expires_at, order_id) order: keyset paging along `reservations_due_idx`. */
const reservedAfter = (after: ReservationCursor | undefined, dueBy?: Date) =>
  and(
    eq(reservations.status, sql`'RESERVED'`),
    dueBy ? lte(reservations.expiresAt, dueBy) : undefined,
    // `>=` first: a range on the index; the OR alone makes MariaDB scan every RESERVED row from the start.
    after ? gte(reservations.expiresAt, after.expiresAt) : undefined,
    after ? or(gt(reservations.expiresAt, after.expiresAt), gt(reservations.orderId, after.orderId)) : undefined,
  )

/** A page of RESERVED reservations (rebuild puts them back into Redis, reconcile compares them), by `db` or a `tx`. */
export const openReservations = (
  reader: InventoryDb | InventoryTx,
  page: { limit: number; after?: ReservationCursor | undefined },
) =>
  reader
    .select({ orderId: reservations.orderId, items: reservations.items, expiresAt: reservations.expiresAt })
    .from(reservations)
    .where(reservedAfter(page.after))
    .orderBy(reservations.expiresAt, reservations.orderId)
    .limit(page.limit)

/** A page of RESERVED reservations' ids and deadlines only (`dueBy`: those due by then); the index covers it. */
export async function openReservationIds(
  db: InventoryDb,
  page: { limit: number; after?: ReservationCursor | undefined; dueBy?: Date },
): Promise<ReservationCursor[]> {
  const rows = await db
    .select({ orderId: reservations.orderId, expiresAt: reservations.expiresAt })
    .from(reservations)
    .where(reservedAfter(page.after, page.dueBy))
    .orderBy(reservations.expiresAt, reservations.orderId)
    .limit(page.limit)
  return rows.map((r) => ({ orderId: r.orderId, expiresAt: r.expiresAt ?? new Date(0) }))
}

/**
 * RESERVED reservations whose deadline passed at `now`, oldest first, `limit` at a time after `after`: a page of rows
 * the job cannot settle yet (Redis lost them) must not hide the rows behind it.
 */
export const dueReservations = (
  db: InventoryDb,
  now: Date,
  page: { limit: number; after?: ReservationCursor | undefined },
) => openReservationIds(db, { ...page, dueBy: now })
