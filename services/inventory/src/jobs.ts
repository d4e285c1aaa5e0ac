import type { JobDefinition, JobSummary } from '@commerce/platform/jobs'
import type { Logger } from '@commerce/platform/log'
import type { RedisClient } from '@commerce/platform/redis'
import type { InventoryDb } from './db'
import type { StockStore } from './db/stock-store'
import { counted } from './use-cases/metrics'
import { rebuildIfEmpty } from './use-cases/rebuild-redis'
import { expireReservation } from './use-cases/release-stock'
import { dueReservations, type ReservationCursor } from './use-cases/reservation-rows'
import { transactionSteps } from './use-cases/steps'

interface JobDeps {
  db: InventoryDb
  redis: RedisClient
  store: StockStore
  logger: Logger
  /** INVENTORY_RECORD_RETENTION_S: a rebuild restores the finished reservation records of this last stretch. */
  retentionS?: number
}

const page = 100

/**
 * Releases every reservation past its TTL (SPEC §6 safety net) → `stock.reservation.expired`. Leased (one replica
 * at a time), and each release is idempotent on its own, so two instances running at once still expire once. Pages
 * through the due rows by (expires_at, order_id): rows it cannot settle (records Redis lost, awaiting the guard's
 * rebuild; counted as `missing`) never hide the rows behind them.
 */
export async function expireDue(deps: JobDeps, signal?: AbortSignal): Promise<JobSummary> {
  const counts = { expired: 0, settled: 0, missing: 0 }
  const context = { steps: transactionSteps(deps.db), store: deps.store }
  const now = new Date()
  for (let after: ReservationCursor | undefined; ; ) {
    const due = await dueReservations(deps.db, now, { limit: page, after })
    for (const { orderId } of due) {
      if (signal?.aborted) return counts
      const meta = { now: new Date(), correlationId: String(orderId), causationId: crypto.randomUUID() }
      const outcome = counted('expire', await expireReservation(context, orderId, meta))
      if (outcome === 'expired') counts.expired += 1
      if (outcome === 'settled') counts.settled += 1
      if (outcome === 'missing') counts.missing += 1
    }
    if (due.length < page) return counts
    after = due.at(-1)
  }
}

/** Inventory's leased jobs: reservation expiry, and the guard that rebuilds a Redis that lost its stock. */
export const inventoryJobs = (deps: JobDeps & { expiryEveryMs: number; guardEveryMs: number }): JobDefinition[] => [
  { name: 'inventory-reservation-expiry', everyMs: deps.expiryEveryMs, run: ({ signal }) => expireDue(deps, signal) },
  {
    name: 'inventory-redis-guard',
    everyMs: deps.guardEveryMs,
    run: async ({ signal }) => {
      const options = deps.retentionS ? { signal, retentionS: deps.retentionS } : { signal }
      const report = await rebuildIfEmpty(deps, options)
      return { rebuilt: report?.rebuilt ? 1 : 0 }
    },
  },
]
