// Helpers of the operations tests (rebuild, reconcile, expiry): stock moved through the use cases, rows read back.
import { afterAll, beforeAll } from 'bun:test'
import { outbox } from '@commerce/platform/db'
import type { RedisClient } from '@commerce/platform/redis'
import { spawnEnv, startTestService } from '@commerce/platform/testing'
import { and, eq, inArray, like } from 'drizzle-orm'
import { inventoryService } from '../../src/app'
import { loadInventoryConfig } from '../../src/config'
import type { InventoryDb } from '../../src/db'
import { reservations, stockLedger } from '../../src/db/schema'
import type { StockItem } from '../../src/domain/items'
import { transactionSteps } from '../../src/use-cases/steps'
import { type Inventory, storeOf, testMeta } from './fixture'

/**
 * Inventory in-process without consumers: its start-up check, routes and leased jobs only. It never joins the shared
 * `inventory` group, so it neither makes the stack's consumers rebalance nor reserves other tests' orders with `overrides`.
 */
export const startWithoutConsumers = (overrides: Record<string, string> = {}) => {
  const env = {
    ...spawnEnv('inventory'),
    AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
    SEED_DEMO_DATA: 'false',
  }
  return startTestService({ ...inventoryService(loadInventoryConfig({ ...env, ...overrides })), consumers: () => [] })
}

/**
 * For one test file: inventory without consumers, started before and stopped after the file's tests. The tests drive
 * the use cases and jobs themselves; a consumer in the shared group would only make the stack's consumers rebalance,
 * and would stop for good when a test keeps Redis NOT_READY past its retry budget.
 */
export function opsUnderTest(overrides: Record<string, string> = {}) {
  const ctx = {} as { inventory: Inventory }
  beforeAll(async () => {
    ctx.inventory = await startWithoutConsumers(overrides)
  })
  afterAll(async () => {
    await ctx.inventory?.stop()
  })
  return ctx
}

/** What the use cases run with, as the service's jobs run them: plain transactions and the service's scripts. */
export const contextOf = (inventory: Inventory) => ({
  steps: transactionSteps(inventory.deps.db),
  store: storeOf(inventory),
})

/** The deps of the jobs and of rebuild/reconcile, from a running inventory. */
export const opsDeps = (inventory: Inventory) => ({
  db: inventory.deps.db,
  redis: inventory.deps.redis,
  logger: inventory.deps.logger,
  store: storeOf(inventory),
})

/** Ledger rows of `orderIds` of one kind, as `{ orderId, skuId, availableDelta, reservedDelta }`, in SKU order. */
export async function ledgerOf(db: InventoryDb, orderIds: number[], kind: string) {
  const rows = await db
    .select()
    .from(stockLedger)
    .where(and(inArray(stockLedger.orderId, orderIds), eq(stockLedger.kind, kind)))
  return rows
    .map((r) => ({
      orderId: r.orderId,
      skuId: r.skuId,
      availableDelta: r.availableDelta,
      reservedDelta: r.reservedDelta,
    }))
    .sort((a, b) => (a.orderId ?? 0) - (b.orderId ?? 0) || a.skuId - b.skuId)
}

/** How many outbox events of `type` name `orderId` in their data. */
export async function outboxCount(db: InventoryDb, type: string, orderId: number): Promise<number> {
  const rows = await db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(and(eq(outbox.type, type), eq(outbox.aggregateId, String(orderId)), like(outbox.payload, `%${orderId}%`)))
  return rows.filter((r) => (JSON.parse(r.payload) as { data: { orderId?: number } }).data.orderId === orderId).length
}

/** MariaDB's status of each order's reservation (only those in `status`, when given). */
export async function statusesOf(db: InventoryDb, orderIds: number[], status?: string) {
  const rows = await db
    .select({ orderId: reservations.orderId, status: reservations.status })
    .from(reservations)
    .where(and(inArray(reservations.orderId, orderIds), status ? eq(reservations.status, status) : undefined))
  return Object.fromEntries(rows.map((r) => [r.orderId, r.status]))
}

/** Redis' available and reserved of each SKU, by id (what GET /api/inventories shows). */
export async function redisStock(inventory: Inventory, skuIds: number[]) {
  return Object.fromEntries(await storeOf(inventory).read(skuIds))
}

export const items = (...pairs: [number, number][]): StockItem[] =>
  pairs.map(([skuId, quantity]) => ({ skuId, quantity }))

export { testMeta }

// Deletes every inventory key at once, as a flush or a Redis restart without persistence would (SCAN inside one
// script: nobody sees half of it, and FLUSHDB is out of the question on a Redis other services share). With `lock`,
// it also takes the rebuild lock in the same step, so no guard can rebuild until the test lets it.
const wipeLua = `
local cursor = '0'
local deleted = 0
repeat
  local page = redis.call('SCAN', cursor, 'MATCH', 'inventory:*', 'COUNT', 1000)
  cursor = page[1]
  for _, key in ipairs(page[2]) do
    redis.call('UNLINK', key)
    deleted = deleted + 1
  end
until cursor == '0'
if ARGV[1] ~= '' then redis.call('SET', KEYS[1], ARGV[1], 'PX', 30000) end
return deleted`

/** Deletes every `inventory:*` key in one step; with `lockToken`, holds the rebuild lock under that token. */
export async function wipeInventoryKeys(redis: RedisClient, lockToken = ''): Promise<number> {
  return (await redis.eval(wipeLua, 1, 'inventory:rebuild-lock', lockToken)) as number
}

/** Frees the rebuild lock a wipe took, if it still holds it. */
export async function freeRebuildLock(redis: RedisClient, lockToken: string) {
  const lua = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0"
  await redis.eval(lua, 1, 'inventory:rebuild-lock', lockToken)
}
