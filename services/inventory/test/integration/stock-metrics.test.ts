import { describe, expect, test } from 'bun:test'
import { eventually } from '@commerce/platform/testing'
import { sql } from 'drizzle-orm'
import { stockKeys } from '../../src/db/stock-store'
import { reconcileAndReport } from '../../src/jobs'
import { stockedSku } from './fixture'
import { opsDeps, opsUnderTest } from './ops-fixture'

const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('inventory metrics', () => {
  // A long period: the in-process replica does not start a full reconcile of the shared stack on its own.
  const ctx = opsUnderTest({ INVENTORY_RECONCILE_EVERY_S: '86400' })
  const scrape = async () => (await fetch(`${ctx.inventory.url}/metrics`)).text()

  test('when /metrics is scraped, then inventory_stock_units reports the sums of the balance rows', async () => {
    const { db } = ctx.inventory.deps
    await stockedSku(ctx.inventory, 7)

    // Other tests move stock meanwhile: the scrape and a direct sum agree once nothing moved in between.
    const agreed = await eventually(async () => {
      const text = await scrape()
      const [rows] = (await db.execute(
        sql`SELECT SUM(available) AS available, SUM(reserved) AS reserved FROM stock_balances`,
      )) as unknown as [{ available: string; reserved: string }[]]
      const scraped = [
        sample(text, 'inventory_stock_units{state="available"}'),
        sample(text, 'inventory_stock_units{state="reserved"}'),
      ]
      const summed = [Number(rows[0]?.available), Number(rows[0]?.reserved)]
      return scraped[0] === summed[0] && scraped[1] === summed[1] && scraped
    })

    expect((agreed[0] ?? 0) >= 7).toBe(true)
  })

  test('when reconcile finds a SKU whose Redis stock drifted, then inventory_reconcile_drift_skus reports it', async () => {
    const { redis } = ctx.inventory.deps
    const [drifted, clean] = [await stockedSku(ctx.inventory, 4), await stockedSku(ctx.inventory, 2)]
    await redis.incrby(stockKeys.available(drifted), 3)
    try {
      const summary = await reconcileAndReport(opsDeps(ctx.inventory), { skuIds: [drifted, clean], settleMs: 50 })

      expect({ summary, gauge: sample(await scrape(), 'inventory_reconcile_drift_skus') }).toEqual({
        summary: { skus: 2, reservations: 0, skuDrift: 1, reservationDrift: 0 },
        gauge: 1,
      })
    } finally {
      await redis.incrby(stockKeys.available(drifted), -3)
    }
    await reconcileAndReport(opsDeps(ctx.inventory), { skuIds: [drifted, clean], settleMs: 50 })
    expect(sample(await scrape(), 'inventory_reconcile_drift_skus')).toBe(0)
  })
})
