import { createDb } from '@commerce/platform/db'
import { createRedis } from '@commerce/platform/redis'
import type { InventoryDb } from '../src/db'
import * as schema from '../src/db/schema'
import { stockStore } from '../src/db/stock-store'
import { adjustStock } from '../src/use-cases/adjust-stock'
import { initializeStock } from '../src/use-cases/initialize-stock'
import { transactionSteps } from '../src/use-cases/steps'

/** The benchmark's own SKU: far above any id catalog hands out, created once (as from product.sku.created). */
export const benchSkuId = 9_000_000_000_000_001

/** Makes sure the bench SKU exists with stock, the way production makes one; returns its id. */
export async function ensureBenchSku(env: { MARIADB_URL: string; REDIS_URL: string }): Promise<number> {
  const handle = createDb({ url: env.MARIADB_URL, schema })
  const db = handle.db as unknown as InventoryDb
  await using redis = createRedis(env.REDIS_URL)
  const store = stockStore(redis, { retentionS: 86_400, markerS: 86_400 })
  const meta = { now: new Date(), correlationId: 'bench', causationId: crypto.randomUUID() }
  const created = await initializeStock(
    { steps: transactionSteps(db), store },
    { skuId: benchSkuId, quantity: 0 },
    meta,
  )
  if (created === 'created') {
    const input = { skuId: benchSkuId, delta: 1_000, reason: 'bench stock', actorId: 1, adjustmentId: 'bench-sku' }
    await adjustStock({ db, store }, input, meta)
  }
  await handle.close()
  return benchSkuId
}
