import type { Db } from '@commerce/platform/db'
import { describeError } from '@commerce/platform/errors'
import type { Logger } from '@commerce/platform/log'
import { leaveOut, registry, scrapeReading } from '@commerce/platform/metrics'
import { sql } from 'drizzle-orm'
import { Gauge } from 'prom-client'

/** Units over every SKU's balance row: on sale, and held for unpaid orders. */
export interface StockTotals {
  available: number
  reserved: number
}

/** One aggregate over `stock_balances` (one row per SKU), bounded by a 1 s statement time. */
export async function readStockTotals(db: Db): Promise<StockTotals> {
  const [rows] = (await db.execute(sql`
    SET STATEMENT max_statement_time = 1 FOR
    SELECT COALESCE(SUM(available), 0) AS available, COALESCE(SUM(reserved), 0) AS reserved FROM stock_balances`)) as unknown as [
    { available: number | string; reserved: number | string }[],
  ]
  return { available: Number(rows[0]?.available ?? 0), reserved: Number(rows[0]?.reserved ?? 0) }
}

let reading: () => Promise<StockTotals | undefined> = async () => undefined

/** Feeds `inventory_stock_units` from `db` on every scrape (the last started service in a process wins). */
export function watchStockTotals(db: Db, logger: Logger): void {
  reading = scrapeReading(
    () => readStockTotals(db),
    (error) => logger.warn('stock gauges left out of this scrape', { error: describeError(error) }),
  )
}

export const stockUnits = new Gauge({
  name: 'inventory_stock_units',
  help: 'Units over all SKUs from the balance rows, by state (available: on sale, reserved: held for unpaid orders)',
  labelNames: ['state'] as const,
  registers: [registry],
  async collect() {
    this.reset()
    const totals = await reading()
    if (!totals) return
    this.set({ state: 'available' }, totals.available)
    this.set({ state: 'reserved' }, totals.reserved)
  },
})

let lastDriftSkus: number | undefined

/** Records what the reconcile job found; reported from then on (a replica that never ran it reports nothing). */
export function recordDriftSkus(count: number): void {
  lastDriftSkus = count
}

export const reconcileDriftSkus = new Gauge({
  name: 'inventory_reconcile_drift_skus',
  help: 'SKUs whose Redis stock, balance row and ledger disagreed at the last reconcile run on this replica',
  registers: [registry],
  collect() {
    if (lastDriftSkus === undefined) return leaveOut(this)
    this.set(lastDriftSkus)
  },
})
