import { OrderPlacedV1 } from '@commerce/contracts/order'
import { freshId } from '@commerce/platform/testing'
import { and, eq, gte, inArray, sql } from 'drizzle-orm'
import type { InventoryDb } from '../../src/db'
import { outbox, reservations, stockLedger } from '../../src/db/schema'
import type { StockStore } from '../../src/db/stock-store'

// What the saga-path tests read back: the outbox, the ledger and Redis, each filtered by the test's own ids.

type Item = { skuId: number; quantity: number }

/** `order.placed` data for `orderId` with `items` at 1 000 KRW a unit. */
export const placed = (orderId: number, items: Item[]) => ({
  orderId,
  userId: 1,
  payableAmount: items.reduce((sum, i) => sum + i.quantity * 1000, 0),
  items: items.map((i) => ({ ...i, unitPrice: 1000 })),
})

/** `count` distinct fresh order ids. */
export function freshIds(count: number): number[] {
  const ids = new Set<number>()
  while (ids.size < count) ids.add(freshId())
  return [...ids]
}

/** An event the service wrote to its outbox: type and data. */
export interface Published {
  type: string
  data: Record<string, unknown>
}

/**
 * Outbox events keyed by one of `keys` (order-keyed events by order id, `stock.depleted`/`restored` by SKU id),
 * written at or after `since`, oldest first.
 */
export async function outboxOf(db: InventoryDb, keys: number[], since: Date): Promise<Published[]> {
  const rows = await db
    .select({ type: outbox.type, payload: outbox.payload })
    .from(outbox)
    .where(and(gte(outbox.createdAt, since), inArray(outbox.aggregateId, keys.map(String))))
    .orderBy(outbox.createdAt)
  return rows.map((r) => ({ type: r.type, data: (JSON.parse(r.payload) as { data: Published['data'] }).data }))
}

/** The types of those events, in the order they were written. */
export const typesOf = (events: Published[]) => events.map((e) => e.type)

/** How many events of each type. */
export function countByType(events: Published[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1
  return counts
}

/** The ledger rows of one order: kind, SKU and deltas, in the order they were written. */
export async function ledgerOfOrder(db: InventoryDb, orderId: number) {
  return db
    .select({
      kind: stockLedger.kind,
      skuId: stockLedger.skuId,
      availableDelta: stockLedger.availableDelta,
      reservedDelta: stockLedger.reservedDelta,
    })
    .from(stockLedger)
    .where(eq(stockLedger.orderId, orderId))
    .orderBy(stockLedger.id)
}

/** A SKU's ledger summed: what its balance must equal, and how many rows of each kind. */
export async function ledgerSum(db: InventoryDb, skuId: number) {
  const rows = await db
    .select({
      kind: stockLedger.kind,
      rows: sql<number>`count(*)`.mapWith(Number),
      available: sql<number>`sum(${stockLedger.availableDelta})`.mapWith(Number),
      reserved: sql<number>`sum(${stockLedger.reservedDelta})`.mapWith(Number),
    })
    .from(stockLedger)
    .where(eq(stockLedger.skuId, skuId))
    .groupBy(stockLedger.kind)
  const kinds: Record<string, number> = {}
  for (const r of rows) kinds[r.kind] = r.rows
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + pick(r), 0)
  return { available: sum((r) => r.available), reserved: sum((r) => r.reserved), kinds }
}

/** A SKU's available and reserved in Redis (undefined when Redis does not know it). */
export async function redisStock(store: StockStore, skuId: number) {
  return (await store.read([skuId])).get(skuId)
}

/** How many of `orderIds` inventory has decided (a reservations row of any status). */
export async function decidedCount(db: InventoryDb, orderIds: number[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(reservations)
    .where(inArray(reservations.orderId, orderIds))
  return row?.n ?? 0
}

/** The outgoing `order.placed` record for `orderId`, for batched produce. */
export const placedEvent = (orderId: number, items: Item[]) =>
  OrderPlacedV1.create(placed(orderId, items), {
    now: new Date(),
    correlationId: String(orderId),
    causationId: crypto.randomUUID(),
  })
