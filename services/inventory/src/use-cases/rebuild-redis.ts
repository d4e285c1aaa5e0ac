import type { Logger } from '@commerce/platform/log'
import type { RedisClient } from '@commerce/platform/redis'
import { and, gt, ne } from 'drizzle-orm'
import type { InventoryDb, InventoryTx } from '../db'
import { reservations } from '../db/schema'
import { stockKeys, toLua } from '../db/stock-store'
import { balancePages, scanPages } from './key-and-row-pages'
import { type RebuildLock, RebuildLockLost, rebuildRunning, takeRebuildLock } from './rebuild-lock'
import { openReservations, type ReservationCursor } from './reservation-rows'

const batch = 1000
const scanCount = 5000
/** The SKU ids a rebuild wrote, while it runs: what is not in it is an orphan. */
const knownKey = 'inventory:rebuild-known'
/** Extended after every batch: a rebuild that died frees Redis for another replica's guard this long after. */
const lockMs = 30_000
/** Scripts that ran just before `ready` went away commit within this; their rows are then part of what is read. */
const defaultGraceMs = 1000

export interface RebuildDeps {
  db: InventoryDb
  redis: RedisClient
  logger: Logger
}

export interface RebuildOptions {
  /** Wait after removing `ready` for commits of scripts that ran just before (default 1 s). */
  graceMs?: number
  /** INVENTORY_RECORD_RETENTION_S: finished reservation records younger than this come back too, with the TTL left. */
  retentionS?: number
  /** Aborts between batches (shutdown); `ready` stays unset and the guard rebuilds later. */
  signal?: AbortSignal
}

export interface RebuildReport {
  /** False when another replica held the rebuild lock, or this rebuild lost it: this call did not set `ready`. */
  rebuilt: boolean
  skus: number
  /** Open (RESERVED) reservation records restored. */
  reservations: number
  /** Finished reservation records restored (confirmed, released, expired, failed, cancelled within the retention). */
  finished: number
  /** Stock keys of SKUs MariaDB does not know, deleted. */
  orphans: number
  durationMs: number
}

type Restore = { tx: InventoryTx; redis: RedisClient; lock: RebuildLock }

/** Every balance row into Redis, overwriting (a read during the rebuild finds a value, never a gap); its id into `known`. */
async function restoreBalances({ tx, redis, lock }: Restore): Promise<number> {
  let skus = 0
  for await (const rows of balancePages(tx, batch)) {
    // MariaDB's available may be below zero for a moment (commits land out of script order); Redis' never is.
    const values = rows.flatMap((r) => [
      stockKeys.available(r.skuId),
      Math.max(r.available, 0),
      stockKeys.reserved(r.skuId),
      Math.max(r.reserved, 0),
    ])
    await redis
      .pipeline()
      .mset(...values)
      .sadd(knownKey, ...rows.map((r) => r.skuId))
      .exec()
    await lock.hold()
    skus += rows.length
  }
  return skus
}

const prefixes = {
  stock: `${stockKeys.prefix}stock:`,
  reserved: `${stockKeys.prefix}reserved:`,
  reservation: `${stockKeys.prefix}reservation:`,
  applied: `${stockKeys.prefix}applied:`,
}

/** The SKU id of a stock or reserved key, else undefined. */
function skuOf(key: string): string | undefined {
  if (key.startsWith(prefixes.stock)) return key.slice(prefixes.stock.length)
  if (key.startsWith(prefixes.reserved)) return key.slice(prefixes.reserved.length)
  return undefined
}

/**
 * One SCAN over the inventory keys (never KEYS: a large keyspace must not block Redis): deletes every reservation
 * record and applied marker (what MariaDB holds comes back after) and the stock keys of SKUs MariaDB does not know
 * (overwriting leaves them behind). Returns how many of those orphans it deleted.
 */
async function clearStale(redis: RedisClient, lock: RebuildLock): Promise<number> {
  let orphans = 0
  for await (const keys of scanPages(redis, `${stockKeys.prefix}*`, scanCount)) {
    const stale = keys.filter((k) => k.startsWith(prefixes.reservation) || k.startsWith(prefixes.applied))
    const skuKeys = keys.flatMap((key) => {
      const sku = skuOf(key)
      return sku === undefined ? [] : [{ key, sku }]
    })
    if (skuKeys.length > 0) {
      const known = await redis.smismember(knownKey, ...skuKeys.map((k) => k.sku))
      const orphaned = skuKeys.filter((_, i) => known[i] === 0).map((k) => k.key)
      orphans += orphaned.length
      stale.push(...orphaned)
    }
    if (stale.length > 0) await redis.unlink(...stale)
    await lock.hold()
  }
  return orphans
}

async function restoreOpen({ tx, redis, lock }: Restore): Promise<number> {
  let count = 0
  for (let after: ReservationCursor | undefined; ; ) {
    const rows = await openReservations(tx, { limit: batch, after })
    if (rows.length === 0) return count
    const pipeline = redis.pipeline()
    for (const r of rows) {
      const fields = { status: 'RESERVED', items: toLua(r.items), expiresAt: String(r.expiresAt?.getTime() ?? 0) }
      pipeline.hset(stockKeys.reservation(r.orderId), fields)
    }
    await pipeline.exec()
    await lock.hold()
    count += rows.length
    const last = rows.at(-1) as (typeof rows)[number]
    after = { orderId: last.orderId, expiresAt: last.expiresAt ?? new Date(0) }
  }
}

/**
 * Finished records as the scripts would still hold them: a confirm after an expiry must still say
 * RESERVATION_EXPIRED, and a cancel after a sale must not leave a CANCELLED tombstone. FAILED records come back
 * without their failure details (MariaDB keeps none; the reserve pre-check answers a replay before Redis anyway).
 */
async function restoreFinished({ tx, redis, lock }: Restore, retentionS: number): Promise<number> {
  const now = Date.now()
  const since = new Date(now - retentionS * 1000)
  let count = 0
  for (let after = 0; ; ) {
    const rows = await tx
      .select()
      .from(reservations)
      .where(
        and(gt(reservations.orderId, after), ne(reservations.status, 'RESERVED'), gt(reservations.updatedAt, since)),
      )
      .orderBy(reservations.orderId)
      .limit(batch)
    if (rows.length === 0) return count
    const pipeline = redis.pipeline()
    for (const r of rows) {
      const key = stockKeys.reservation(r.orderId)
      const fields: Record<string, string> = { status: r.status, items: toLua(r.items) }
      if (r.expiresAt) fields['expiresAt'] = String(r.expiresAt.getTime())
      pipeline.hset(key, fields)
      pipeline.expire(key, Math.max(1, retentionS - Math.floor((now - r.updatedAt.getTime()) / 1000)))
    }
    await pipeline.exec()
    await lock.hold()
    count += rows.length
    after = (rows.at(-1) as { orderId: number }).orderId
  }
}

// One consistent snapshot for every read: a commit landing mid-rebuild is in all of the rows read or in none.
// (Not also `accessMode`: drizzle 0.45 writes `with consistent snapshot read only`, without the comma MariaDB needs.)
const snapshot = { isolationLevel: 'repeatable read', withConsistentSnapshot: true } as const

/**
 * Restores Redis from MariaDB, the durable truth (SPEC §7): every SKU's available and reserved, every open
 * reservation, and (with `retentionS`) the finished records the scripts would still remember; applied markers are
 * dropped (MariaDB's operation keys stand in for them). `inventory:ready` is removed first, so the scripts answer
 * NOT_READY (consumers retry) until it is back; a grace then lets the commits of scripts that ran just before land.
 * One replica at a time (a Redis lock, extended per batch); `ready` is set only while the lock is still this call's,
 * so a rebuild that outlived its lock, or saw Redis flushed under it, leaves the job to the next one. A commit later
 * than the grace is missing from Redis: `reconcile` reports it, and a rebuild at a quiet moment heals it.
 */
export async function rebuildRedis(deps: RebuildDeps, options: RebuildOptions = {}): Promise<RebuildReport> {
  const { db, redis, logger } = deps
  const started = performance.now()
  const report = { rebuilt: false, skus: 0, reservations: 0, finished: 0, orphans: 0, durationMs: 0 }
  const lock = await takeRebuildLock(redis, { ms: lockMs, signal: options.signal })
  if (!lock) return report
  try {
    await redis.del(stockKeys.ready)
    const graceMs = options.graceMs ?? defaultGraceMs
    if (graceMs > 0) await Bun.sleep(graceMs)
    await lock.hold()
    await redis.unlink(knownKey)
    await db.transaction(async (tx) => {
      const at: Restore = { tx, redis, lock }
      report.skus = await restoreBalances(at)
      report.orphans = await clearStale(redis, lock)
      report.reservations = await restoreOpen(at)
      if (options.retentionS) report.finished = await restoreFinished(at, options.retentionS)
    }, snapshot)
    if (!(await lock.markReady())) throw new RebuildLockLost()
    report.rebuilt = true
    report.durationMs = Math.round(performance.now() - started)
    logger.info('redis stock rebuilt from MariaDB', report)
    return report
  } catch (error) {
    if (!(error instanceof RebuildLockLost)) throw error
    logger.warn('redis rebuild lost its lock; another rebuild takes over', { skus: report.skus })
    return { ...report, rebuilt: false, durationMs: Math.round(performance.now() - started) }
  } finally {
    await redis.unlink(knownKey)
    await lock.release()
  }
}

/**
 * Rebuilds when Redis has no `inventory:ready` (empty after a flush or a restart without persistence); undefined when
 * it has. While another replica rebuilds, waits for its `ready` (up to `waitMs`, default 2 min), so a service that
 * prepares with this never serves before the stock is back; a rebuild that died is taken over once its lock expires.
 */
export async function rebuildIfEmpty(
  deps: RebuildDeps,
  options: RebuildOptions & { waitMs?: number } = {},
): Promise<RebuildReport | undefined> {
  const { redis } = deps
  const deadline = performance.now() + (options.waitMs ?? 120_000)
  const isReady = async () => (await redis.exists(stockKeys.ready)) === 1
  if (await isReady()) return undefined
  deps.logger.warn('redis holds no stock; rebuilding from MariaDB')
  for (;;) {
    const report = await rebuildRedis(deps, options)
    if (report.rebuilt) return report
    // Another replica's rebuild: wait for its `ready`, or for its lock to go (it died: rebuild here).
    while ((await rebuildRunning(redis)) && !(await isReady())) {
      if (performance.now() > deadline) throw new Error('redis stock was not rebuilt in time')
      options.signal?.throwIfAborted()
      await Bun.sleep(100)
    }
    if (await isReady()) return report
    if (performance.now() > deadline) throw new Error('redis stock was not rebuilt in time')
  }
}
