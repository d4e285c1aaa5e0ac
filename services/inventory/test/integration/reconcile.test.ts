import { describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { freshId } from '@commerce/platform/testing'
import { eq, sql } from 'drizzle-orm'
import { stockBalances } from '../../src/db/schema'
import { stockKeys } from '../../src/db/stock-store'
import { reconcile } from '../../src/use-cases/reconcile'
import { reserveStock } from '../../src/use-cases/reserve-stock'
import { type Inventory, stockedSku, testMeta } from './fixture'
import { contextOf, items, opsDeps, opsUnderTest } from './ops-fixture'

const cliPath = join(import.meta.dir, '../../src/cli.ts')

/** Runs the CLI's `reconcile` against the stack; its exit code and what it printed. */
async function reconcileCli(inventory: Inventory, args: string[]) {
  const { MARIADB_URL, REDIS_URL } = inventory.deps.config
  const cli = Bun.spawn(['bun', cliPath, 'reconcile', ...args], {
    env: { ...process.env, MARIADB_URL, REDIS_URL },
    stdout: 'pipe',
  })
  const [code, output] = await Promise.all([cli.exited, new Response(cli.stdout).text()])
  return { code, output }
}

/** Three SKUs with stock and two open reservations, made by the use cases. */
async function stockWithReservations(inventory: Inventory) {
  const skus = [await stockedSku(inventory, 7), await stockedSku(inventory, 3), await stockedSku(inventory, 2)]
  const orders = [freshId(), freshId()]
  const [a, , c] = skus as [number, number, number]
  const reserve = (orderId: number, lines: [number, number][]) =>
    reserveStock(contextOf(inventory), { orderId, items: items(...lines), ttlMs: 600_000 }, testMeta())
  await reserve(orders[0] as number, [[a, 2]])
  await reserve(orders[1] as number, [[c, 1]])
  return { skus, orders }
}

// The shared stack holds other tests' SKUs, which may drift under them: every check here names its own ids.
describe('reconcile', () => {
  const ctx = opsUnderTest()

  test('when Redis, the balances and the ledger agree, then the report is clean and the CLI exits 0', async () => {
    const { inventory } = ctx
    const { skus, orders } = await stockWithReservations(inventory)

    const report = await reconcile(opsDeps(inventory), { skuIds: skus, orderIds: orders })

    expect(report).toMatchObject({ skus: 3, reservations: 2, skuDrift: [], reservationDrift: [] })
    const cli = await reconcileCli(inventory, ['--sku', skus.join(','), '--order', orders.join(',')])
    expect(cli.code).toBe(0)
    expect(cli.output).toContain('0 drifts')
  })

  test('when a Redis value, a balance row and a reservation record change behind the service, then each drift is listed with both values', async () => {
    const { inventory } = ctx
    const { db, redis } = inventory.deps
    const { skus, orders } = await stockWithReservations(inventory)
    const [a, b, c] = skus as [number, number, number]
    const gone = orders[1] as number
    const record = await redis.hgetall(stockKeys.reservation(gone))
    const moveBalance = (by: number) =>
      db
        .update(stockBalances)
        .set({ reserved: sql`${stockBalances.reserved} + ${by}` })
        .where(eq(stockBalances.skuId, b))

    await redis.incrby(stockKeys.available(a), 5)
    await moveBalance(1)
    await redis.del(stockKeys.reservation(gone))
    try {
      const report = await reconcile(opsDeps(inventory), { skuIds: skus, orderIds: orders, settleMs: 100 })

      expect(report.skuDrift).toEqual([
        {
          skuId: a,
          redis: { available: 10, reserved: 2 },
          balance: { available: 5, reserved: 2 },
          ledger: { available: 5, reserved: 2 },
          problems: ['redis-vs-balance'],
        },
        {
          skuId: b,
          redis: { available: 3, reserved: 0 },
          balance: { available: 3, reserved: 1 },
          ledger: { available: 3, reserved: 0 },
          problems: ['redis-vs-balance', 'balance-vs-ledger'],
        },
      ])
      expect(report.reservationDrift).toEqual([
        {
          orderId: gone,
          redis: null,
          mariadb: { status: 'RESERVED', items: [{ skuId: c, quantity: 1 }], expiresAt: Number(record['expiresAt']) },
          problems: ['missing-in-redis'],
        },
      ])
      // Every SKU (not every open reservation: other tests leave tens of thousands, and this file must stay short).
      const full = await reconcile(opsDeps(inventory), { skuIds: 'all', orderIds: [], settleMs: 100 })
      expect(full.scope).toEqual({ skus: 'all', reservations: 'given' })
      expect(full.skuDrift.filter((d) => skus.includes(d.skuId)).map((d) => d.skuId)).toEqual([a, b])
      const cli = await reconcileCli(inventory, [
        '--json',
        '--settle-ms',
        '0',
        '--sku',
        skus.join(','),
        '--order',
        `${gone}`,
      ])
      expect(cli.code).toBe(1)
      expect(JSON.parse(cli.output)).toMatchObject({
        skuDrift: [{ skuId: a }, { skuId: b }],
        reservationDrift: [{ orderId: gone }],
      })
    } finally {
      await redis.incrby(stockKeys.available(a), -5)
      await moveBalance(-1)
      await redis.hset(stockKeys.reservation(gone), record)
    }
    expect(await reconcile(opsDeps(inventory), { skuIds: skus, orderIds: orders })).toMatchObject({
      skuDrift: [],
      reservationDrift: [],
    })
  })
})
