import type { Db } from '@commerce/platform/db'
import { describeError } from '@commerce/platform/errors'
import type { Logger } from '@commerce/platform/log'
import { leaveOut, registry, scrapeReading } from '@commerce/platform/metrics'
import { sql } from 'drizzle-orm'
import { Gauge } from 'prom-client'

/** Orders still in the saga: a stuck one stays here. NEEDS_ATTENTION is counted apart (an operator's queue). */
export const openStates = ['CREATED', 'PAYMENT_PENDING', 'PAID'] as const
export const ageBands = ['lt_1m', '1m_15m', '15m_1h', 'gt_1h'] as const

/** One group of the scrape query: orders in `status` whose age falls in `band`, and the oldest one's age. */
export interface OpenSagaGroup {
  status: string
  band: string
  orders: number
  oldestSeconds: number
}

/**
 * One grouped query over the orders still in flight or waiting for an operator: a range scan of
 * `orders_status_created_idx` (terminal orders are never read), bounded by a 1 s statement time.
 */
export async function readOpenSagas(db: Db): Promise<OpenSagaGroup[]> {
  const [rows] = (await db.execute(sql`
    SET STATEMENT max_statement_time = 1 FOR
    SELECT status,
      CASE
        WHEN created_at > UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE THEN 'lt_1m'
        WHEN created_at > UTC_TIMESTAMP(3) - INTERVAL 15 MINUTE THEN '1m_15m'
        WHEN created_at > UTC_TIMESTAMP(3) - INTERVAL 1 HOUR THEN '15m_1h'
        ELSE 'gt_1h'
      END AS band,
      COUNT(*) AS orders,
      TIMESTAMPDIFF(MICROSECOND, MIN(created_at), UTC_TIMESTAMP(3)) / 1e6 AS oldest_seconds
    FROM orders
    WHERE status IN ('CREATED', 'PAYMENT_PENDING', 'PAID', 'NEEDS_ATTENTION')
    GROUP BY status, band`)) as unknown as [{ status: string; band: string; orders: number; oldest_seconds: number }[]]
  return rows.map((r) => ({
    status: r.status,
    band: r.band,
    orders: Number(r.orders),
    oldestSeconds: Math.max(0, Number(r.oldest_seconds)),
  }))
}

let reading: () => Promise<OpenSagaGroup[] | undefined> = async () => undefined

/** Feeds the open-saga gauges from `db` on every scrape (the last started service in a process wins). */
export function watchOpenSagas(db: Db, logger: Logger): void {
  reading = scrapeReading(
    () => readOpenSagas(db),
    (error) => logger.warn('open-saga gauges left out of this scrape', { error: describeError(error) }),
  )
}

export const sagasOpen = new Gauge({
  name: 'order_sagas_open',
  help: 'Orders still in the saga (CREATED, PAYMENT_PENDING, PAID), by state and age band since creation',
  labelNames: ['state', 'age'] as const,
  registers: [registry],
  async collect() {
    this.reset()
    const groups = await reading()
    for (const state of groups ? openStates : []) {
      for (const age of ageBands) {
        const group = groups?.find((g) => g.status === state && g.band === age)
        this.set({ state, age }, group?.orders ?? 0)
      }
    }
  },
})

export const oldestOpenSaga = new Gauge({
  name: 'order_oldest_open_saga_age_seconds',
  help: 'Age of the oldest order still in the saga, by state (0: none)',
  labelNames: ['state'] as const,
  registers: [registry],
  async collect() {
    this.reset()
    const groups = await reading()
    for (const state of groups ? openStates : []) {
      const ages = groups?.filter((g) => g.status === state).map((g) => g.oldestSeconds) ?? []
      this.set({ state }, Math.max(0, ...ages))
    }
  },
})

export const needsAttention = new Gauge({
  name: 'order_needs_attention',
  help: 'Orders in NEEDS_ATTENTION: a compensation failed and an operator must retry or resolve it',
  registers: [registry],
  async collect() {
    const groups = await reading()
    if (!groups) return leaveOut(this)
    this.set(groups.filter((g) => g.status === 'NEEDS_ATTENTION').reduce((n, g) => n + g.orders, 0))
  },
})
