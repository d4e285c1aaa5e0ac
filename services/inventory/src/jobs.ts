import type { JobDefinition, JobSummary } from '@commerce/platform/jobs'
import type { Logger } from '@commerce/platform/log'
import type { RedisClient } from '@commerce/platform/redis'
import type { InventoryDb } from './db'
import type { StockStore } from './db/stock-store'
import { counted } from './use-cases/metrics'
import { rebuildIfEmpty } from './use-cases/rebuild-redis'
import { type ReconcileOptions, reconcile } from './use-cases/reconcile'
import { expireReservation } from './use-cases/release-stock'
import { dueReservations, type ReservationCursor } from './use-cases/reservation-rows'
import { transactionSteps } from './use-cases/steps'
import { recordDriftSkus } from './use-cases/stock-gauges'

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

/**
 * Compares Redis, the balances and the ledger (read-only, see reconcile.ts) and reports the drifted SKUs as
 * `inventory_reconcile_drift_skus`; drift is logged, a rebuild (an operator's call) repairs it.
 */
export async function reconcileAndReport(deps: JobDeps, options: ReconcileOptions = {}): Promise<JobSummary> {
  const report = await reconcile(deps, options)
  recordDriftSkus(report.skuDrift.length)
  const summary = {
    skus: report.skus,
    reservations: report.reservations,
    skuDrift: report.skuDrift.length,
    reservationDrift: report.reservationDrift.length,
  }
  if (summary.skuDrift + summary.reservationDrift > 0) {
    deps.logger.warn('reconcile found drift between Redis and MariaDB', {
      ...summary,
      skuIds: report.skuDrift.slice(0, 20).map((d) => d.skuId),
      orderIds: report.reservationDrift.slice(0, 20).map((d) => d.orderId),
    })
  }
  return summary
}

type Periods = { expiryEveryMs: number; guardEveryMs: number; reconcileEveryMs: number }

/** Inventory's leased jobs: reservation expiry, the guard that rebuilds a Redis that lost its stock, reconcile. */
export const inventoryJobs = (deps: JobDeps & Periods): JobDefinition[] => [
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
  {
    name: 'inventory-reconcile',
    everyMs: deps.reconcileEveryMs,
    // A full pass takes seconds on a large catalogue: the lease outlives a run that stalls between renewals.
    lease: { ms: 120_000 },
    run: () => reconcileAndReport(deps),
  },
]
