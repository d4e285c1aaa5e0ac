import type { Logger } from '@commerce/platform/log'
import type { RedisClient } from '@commerce/platform/redis'
import { gt } from 'drizzle-orm'
import type { InventoryDb } from '../db'
import { stockBalances } from '../db/schema'
import { stockKeys } from '../db/stock-store'
import { openReservations } from './reservation-rows'

const lockKey = 'inventory:rebuild-lock'
const batch = 500
const gtSku = (after: number) => gt(stockBalances.skuId, after)

/** Deletes every key under `pattern` (SCAN, never KEYS: a large keyspace must not block Redis). */
async function deleteMatching(redis: RedisClient, pattern: string): Promise<number> {
  let cursor = '0'
  let deleted = 0
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000)
    cursor = next
    if (keys.length > 0) deleted += await redis.unlink(...keys)
  } while (cursor !== '0')
  return deleted
}

export interface RebuildDeps {
  db: InventoryDb
  redis: RedisClient
  logger: Logger
}

export interface RebuildReport {
  skus: number
  reservations: number
  /** False when another replica held the rebuild lock: it rebuilt, this call did nothing. */
  rebuilt: boolean
}

/**
 * Restores Redis from MariaDB, the durable truth (SPEC §7): every SKU's available and reserved, every open
 * reservation; finished records and applied markers are dropped (MariaDB's operation keys stand in for them).
 * `inventory:ready` is removed first, so the scripts answer NOT_READY (consumers retry) until it is back. One replica
 * at a time (a Redis lock); the others return at once. Meant for a Redis that lost its data: on a live Redis a script
 * that ran just before the rebuild but committed just after it is lost from Redis — `reconcile` reports that.
 */
export async function rebuildRedis(
  { db, redis, logger }: RebuildDeps,
  options: { graceMs?: number } = {},
): Promise<RebuildReport> {
  const token = crypto.randomUUID()
  const locked = await redis.set(lockKey, token, 'PX', 120_000, 'NX')
  if (locked !== 'OK') return { skus: 0, reservations: 0, rebuilt: false }
  try {
    await redis.del(stockKeys.ready)
    // Scripts that ran before `ready` went away commit within this grace; their rows are then read below.
    if (options.graceMs) await Bun.sleep(options.graceMs)
    await deleteMatching(redis, `${stockKeys.prefix}reservation:*`)
    await deleteMatching(redis, `${stockKeys.prefix}applied:*`)
    await deleteMatching(redis, `${stockKeys.prefix}stock:*`)
    await deleteMatching(redis, `${stockKeys.prefix}reserved:*`)
    let skus = 0
    for (let after = 0; ; ) {
      const rows = await db.select().from(stockBalances).where(gtSku(after)).orderBy(stockBalances.skuId).limit(batch)
      if (rows.length === 0) break
      const pipeline = redis.pipeline()
      for (const row of rows) {
        pipeline.set(stockKeys.available(row.skuId), Math.max(row.available, 0))
        pipeline.set(stockKeys.reserved(row.skuId), Math.max(row.reserved, 0))
      }
      await pipeline.exec()
      skus += rows.length
      after = (rows.at(-1) as { skuId: number }).skuId
    }
    const open = await openReservations(db)
    const pipeline = redis.pipeline()
    for (const r of open) {
      const items = JSON.stringify(r.items.map((i) => ({ sku: String(i.skuId), qty: i.quantity })))
      const fields = { status: 'RESERVED', items, expiresAt: String(r.expiresAt?.getTime() ?? 0) }
      pipeline.hset(stockKeys.reservation(r.orderId), fields)
    }
    pipeline.set(stockKeys.ready, new Date().toISOString())
    await pipeline.exec()
    logger.info('redis stock rebuilt from MariaDB', { skus, reservations: open.length })
    return { skus, reservations: open.length, rebuilt: true }
  } finally {
    // Only our own lock: one that outlived its PX belongs to someone else now.
    await redis.eval(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
      1,
      lockKey,
      token,
    )
  }
}

/** Rebuilds when Redis has no `inventory:ready` (empty after a flush or a restart without persistence). */
export async function rebuildIfEmpty(deps: RebuildDeps) {
  if ((await deps.redis.exists(stockKeys.ready)) === 1) return undefined
  deps.logger.warn('redis holds no stock; rebuilding from MariaDB')
  return rebuildRedis(deps)
}
