import type { JobDefinition, JobSummary } from '@commerce/platform/jobs'
import type { Logger } from '@commerce/platform/log'
import type { RedisClient } from '@commerce/platform/redis'
import type { InventoryDb } from './db'
import type { StockStore } from './db/stock-store'
import { counted } from './use-cases/metrics'
import { rebuildIfEmpty } from './use-cases/rebuild-redis'
import { expireReservation } from './use-cases/release-stock'
import { dueReservations } from './use-cases/reservation-rows'
import { transactionSteps } from './use-cases/steps'

interface JobDeps {
  db: InventoryDb
  redis: RedisClient
  store: StockStore
  logger: Logger
}

/**
 * Releases every reservation past its TTL (SPEC §6 safety net) → `stock.reservation.expired`. Leased (one replica
 * at a time), and each release is idempotent on its own, so two instances running at once still expire once.
 */
export async function expireDue(deps: JobDeps, signal?: AbortSignal): Promise<JobSummary> {
  const counts = { expired: 0, settled: 0, missing: 0 }
  const context = { steps: transactionSteps(deps.db), store: deps.store }
  for (;;) {
    const now = new Date()
    const due = await dueReservations(deps.db, now, 100)
    let progressed = 0
    for (const orderId of due) {
      if (signal?.aborted) return counts
      const meta = { now, correlationId: String(orderId), causationId: crypto.randomUUID() }
      const outcome = counted('expire', await expireReservation(context, orderId, meta))
      if (outcome === 'expired') counts.expired += 1
      if (outcome === 'settled') counts.settled += 1
      if (outcome === 'missing') counts.missing += 1
      if (outcome !== 'missing' && outcome !== 'not-due') progressed += 1
    }
    // A batch that moved nothing (records Redis lost, awaiting the guard's rebuild) ends the run.
    if (due.length < 100 || progressed === 0) return counts
  }
}

/** Inventory's leased jobs: reservation expiry, and the guard that rebuilds a Redis that lost its stock. */
export const inventoryJobs = (deps: JobDeps & { expiryEveryMs: number; guardEveryMs: number }): JobDefinition[] => [
  { name: 'inventory-reservation-expiry', everyMs: deps.expiryEveryMs, run: ({ signal }) => expireDue(deps, signal) },
  {
    name: 'inventory-redis-guard',
    everyMs: deps.guardEveryMs,
    run: async () => {
      const report = await rebuildIfEmpty(deps)
      return { rebuilt: report?.rebuilt ? 1 : 0 }
    },
  },
]
