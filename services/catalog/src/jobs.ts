import type { JobDefinition, JobSummary } from '@commerce/platform/jobs'
import type { RedisClient } from '@commerce/platform/redis'
import type { CatalogDb } from './db'
import {
  advanceClock,
  checkedUntil,
  databaseNow,
  productsWithBoundaries,
  repriceProduct,
} from './use-cases/pricing-clock'
import { bumpGeneration } from './use-cases/read-cache'

/**
 * The pricing clock: every period, products whose promotions or discount policies started or ended since the last
 * look get their prices recomputed (one transaction each, `product.price.changed` in the outbox), then the clock
 * moves on and cached reads are invalidated. Leased, so one replica runs it at a time; a crash before the clock moves
 * makes the next run look at the same span again, which finds prices already right and publishes nothing twice.
 */
export function pricingClockJob(deps: { db: CatalogDb; redis: RedisClient; everyMs: number }): JobDefinition {
  return {
    name: 'catalog-pricing-clock',
    everyMs: deps.everyMs,
    run: async ({ signal }): Promise<JobSummary> => {
      const now = await databaseNow(deps.db)
      const from = await checkedUntil(deps.db)
      const productIds = await productsWithBoundaries(deps.db, { from, to: now })
      const meta = { now, correlationId: crypto.randomUUID(), causationId: crypto.randomUUID() }
      let changedProducts = 0
      let changedSkus = 0
      for (const productId of productIds) {
        // Leave the clock where it was: the next run redoes the span, and the products done so far stay quiet.
        if (signal.aborted) return { products: changedProducts, skus: changedSkus, interrupted: 1 }
        const result = await repriceProduct(deps.db, productId, { from, meta })
        changedSkus += result.changedSkus
        if (result.productChanged || result.changedSkus > 0) changedProducts += 1
      }
      await advanceClock(deps.db, now)
      if (changedProducts > 0) await bumpGeneration(deps.redis)
      return { products: changedProducts, skus: changedSkus, interrupted: 0 }
    },
  }
}

/** Catalog's leased jobs: the pricing clock (promotions and discounts that start or end publish price changes). */
export const catalogJobs = (deps: { db: CatalogDb; redis: RedisClient; everyMs: number }): JobDefinition[] => [
  pricingClockJob(deps),
]
