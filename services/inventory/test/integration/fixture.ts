import { afterAll, beforeAll } from 'bun:test'
import type { EventMeta } from '@commerce/contracts'
import { freshId, spawnEnv, startTestService } from '@commerce/platform/testing'
import { eq } from 'drizzle-orm'
import { inventoryService } from '../../src/app'
import { loadInventoryConfig } from '../../src/config'
import type { InventoryDb } from '../../src/db'
import { stockBalances } from '../../src/db/schema'
import { stockStore } from '../../src/db/stock-store'
import { adjustStock } from '../../src/use-cases/adjust-stock'
import { initializeStock } from '../../src/use-cases/initialize-stock'
import { transactionSteps } from '../../src/use-cases/steps'

export type Inventory = Awaited<ReturnType<typeof startInventory>>

// Tests that need tokens pass auth's JWKS URL (a spawned auth); the rest never fetch it.
const noAuth = { AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json' }

/** Inventory in-process on the real stack, in the service's consumer group `inventory`, with env `overrides`. */
export const startInventory = (overrides: Record<string, string> = {}) =>
  startTestService(
    inventoryService(
      loadInventoryConfig({ ...spawnEnv('inventory'), ...noAuth, SEED_DEMO_DATA: 'false', ...overrides }),
    ),
  )

/** The Redis scripts on `inventory`'s client, with the service's default memory settings. */
export const storeOf = (inventory: Inventory) =>
  stockStore(inventory.deps.redis, {
    retentionS: inventory.deps.config.INVENTORY_RECORD_RETENTION_S,
    markerS: inventory.deps.config.INVENTORY_MARKER_RETENTION_S,
  })

export const testMeta = (): EventMeta => ({
  now: new Date(),
  correlationId: crypto.randomUUID(),
  causationId: crypto.randomUUID(),
})

/**
 * A SKU new to inventory with `quantity` on sale, made the way production makes one: initialized (as from
 * `product.sku.created`), then an admin adjustment. Returns its id.
 */
export async function stockedSku(inventory: Inventory, quantity: number): Promise<number> {
  const skuId = freshId()
  const store = storeOf(inventory)
  const context = { steps: transactionSteps(inventory.deps.db), store }
  await initializeStock(context, { skuId, quantity: 0 }, testMeta())
  if (quantity > 0) {
    const input = { skuId, delta: quantity, reason: 'test stock', actorId: 1, adjustmentId: crypto.randomUUID() }
    await adjustStock({ db: inventory.deps.db, store }, input, testMeta())
  }
  return skuId
}

/** A SKU's balance row in MariaDB. */
export async function balanceOf(db: InventoryDb, skuId: number) {
  const rows = await db.select().from(stockBalances).where(eq(stockBalances.skuId, skuId))
  return rows[0]
}

/** For one test file: inventory in-process, started before and stopped after the file's tests. */
export function inventoryUnderTest(overrides: Record<string, string> = {}) {
  const ctx = {} as { inventory: Inventory; url: string }
  beforeAll(async () => {
    ctx.inventory = await startInventory(overrides)
    ctx.url = ctx.inventory.url
  })
  afterAll(async () => {
    await ctx.inventory?.stop()
  })
  return ctx
}
