import type { RedisClient } from '@commerce/platform/redis'
import { inArray, sql } from 'drizzle-orm'
import type { InventoryDb } from '../db'
import { reservations, stockBalances, stockLedger } from '../db/schema'
import { fromLua, stockKeys } from '../db/stock-store'
import type { ReservationState, SkuState } from '../domain/drift'

export interface ReadDeps {
  db: InventoryDb
  redis: RedisClient
}

// Balances and ledger sums from one snapshot: a commit between the two reads would otherwise look like drift.
// (Not also `accessMode`: drizzle 0.45 writes `with consistent snapshot read only`, without the comma MariaDB needs.)
const snapshot = { isolationLevel: 'repeatable read', withConsistentSnapshot: true } as const

const toNumber = (value: string | null | undefined) => (value == null ? null : Number(value))

/** The state of `skuIds` in MariaDB (one snapshot) and then Redis (one MGET). */
export async function readSkus({ db, redis }: ReadDeps, skuIds: number[]): Promise<SkuState[]> {
  if (skuIds.length === 0) return []
  const { balances, sums } = await db.transaction(async (tx) => {
    const balances = await tx
      .select({ skuId: stockBalances.skuId, available: stockBalances.available, reserved: stockBalances.reserved })
      .from(stockBalances)
      .where(inArray(stockBalances.skuId, skuIds))
    const sums = await tx
      .select({
        skuId: stockLedger.skuId,
        available: sql<number>`CAST(SUM(${stockLedger.availableDelta}) AS SIGNED)`.mapWith(Number),
        reserved: sql<number>`CAST(SUM(${stockLedger.reservedDelta}) AS SIGNED)`.mapWith(Number),
      })
      .from(stockLedger)
      .where(inArray(stockLedger.skuId, skuIds))
      .groupBy(stockLedger.skuId)
    return { balances, sums }
  }, snapshot)
  const values = await redis.mget(...skuIds.flatMap((id) => [stockKeys.available(id), stockKeys.reserved(id)]))
  const balanceOf = new Map(balances.map((b) => [b.skuId, { available: b.available, reserved: b.reserved }]))
  const sumOf = new Map(sums.map((s) => [s.skuId, { available: s.available, reserved: s.reserved }]))
  return skuIds.map((skuId, i) => {
    const available = toNumber(values[2 * i])
    const reserved = toNumber(values[2 * i + 1])
    return {
      skuId,
      redis: available === null && reserved === null ? null : { available, reserved },
      balance: balanceOf.get(skuId) ?? null,
      ledger: sumOf.get(skuId) ?? { available: 0, reserved: 0 },
    }
  })
}

/** The reservations of `orderIds` in MariaDB and then Redis (one pipeline of HMGETs). */
export async function readReservations({ db, redis }: ReadDeps, orderIds: number[]): Promise<ReservationState[]> {
  if (orderIds.length === 0) return []
  const rows = await db
    .select({
      orderId: reservations.orderId,
      status: reservations.status,
      items: reservations.items,
      expiresAt: reservations.expiresAt,
    })
    .from(reservations)
    .where(inArray(reservations.orderId, orderIds))
  const pipeline = redis.pipeline()
  for (const orderId of orderIds) pipeline.hmget(stockKeys.reservation(orderId), 'status', 'items', 'expiresAt')
  const records = (await pipeline.exec()) ?? []
  const rowOf = new Map(rows.map((r) => [r.orderId, r]))
  return orderIds.map((orderId, i) => {
    const row = rowOf.get(orderId)
    const [status, items, expiresAt] = (records[i]?.[1] ?? []) as (string | null)[]
    return {
      orderId,
      redis: status ? { status, items: fromLua(items ?? undefined), expiresAt: toNumber(expiresAt) } : null,
      mariadb: row
        ? { status: row.status, items: row.items, expiresAt: row.expiresAt ? row.expiresAt.getTime() : null }
        : null,
    }
  })
}
