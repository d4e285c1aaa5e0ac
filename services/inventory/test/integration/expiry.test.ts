import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { jobLeases } from '@commerce/platform/db'
import { eventually, freshId, waitForOutboxEvent } from '@commerce/platform/testing'
import { eq } from 'drizzle-orm'
import type { InventoryDb } from '../../src/db'
import { reservations } from '../../src/db/schema'
import { expireDue } from '../../src/jobs'
import { confirmStock } from '../../src/use-cases/confirm-stock'
import { reserveStock } from '../../src/use-cases/reserve-stock'
import { balanceOf, type Inventory, stockedSku, testMeta } from './fixture'
import {
  contextOf,
  items,
  ledgerOf,
  opsDeps,
  opsUnderTest,
  outboxCount,
  redisStock,
  startWithoutConsumers,
  statusesOf,
} from './ops-fixture'

type ReserveArgs = { orderId: number; lines: [number, number][]; ttlMs: number; placedAt?: Date }
const reserve = (inventory: Inventory, { orderId, lines, ttlMs, placedAt }: ReserveArgs) =>
  reserveStock(
    contextOf(inventory),
    { orderId, items: items(...lines), ttlMs },
    { ...testMeta(), ...(placedAt ? { now: placedAt } : {}) },
  )

/** A reservation's deadline as MariaDB holds it. */
async function deadlineOf(db: InventoryDb, orderId: number): Promise<Date> {
  const rows = await db.select().from(reservations).where(eq(reservations.orderId, orderId))
  return rows[0]?.expiresAt ?? new Date(0)
}

/** The expiry job's lease row: when its last run (on any replica) started and finished. */
async function expiryLease(db: InventoryDb) {
  const rows = await db.select().from(jobLeases).where(eq(jobLeases.name, 'inventory-reservation-expiry'))
  const row = rows[0]
  return { lastStartedAt: row?.lastStartedAt ?? new Date(0), lastFinishedAt: row?.lastFinishedAt ?? new Date(0) }
}

const isOrder = (orderId: number) => (e: { data: unknown }) => (e.data as { orderId: number }).orderId === orderId

describe('reservation expiry', () => {
  const ctx = opsUnderTest()

  test('when two expiry runs meet the same due reservations at once, then each is released exactly once', async () => {
    const { inventory } = ctx
    const db = inventory.deps.db
    const [a, b] = [await stockedSku(inventory, 4), await stockedSku(inventory, 4)]
    const [first, second, third] = [freshId(), freshId(), freshId()]
    // Placed an hour ago with a 1 ms TTL: due ahead of nearly every other row in the shared table, so both runs reach
    // them first; they are stopped once these are settled (the rows behind belong to other tests and the stack job).
    const placedAt = new Date(Date.now() - 3_600_000)
    await reserve(inventory, {
      orderId: first,
      lines: [
        [a, 1],
        [b, 1],
      ],
      ttlMs: 1,
      placedAt,
    })
    await reserve(inventory, { orderId: second, lines: [[a, 2]], ttlMs: 1, placedAt })
    await reserve(inventory, { orderId: third, lines: [[b, 3]], ttlMs: 1, placedAt })

    const stop = new AbortController()
    const runs = Promise.all([expireDue(opsDeps(inventory), stop.signal), expireDue(opsDeps(inventory), stop.signal)])
    const settled = async () => Object.keys(await statusesOf(db, [first, second, third], 'EXPIRED')).length === 3
    await eventually(settled, { what: 'both runs to have expired the three reservations' })
    stop.abort()
    await runs

    expect(await ledgerOf(db, [first, second, third], 'EXPIRE')).toEqual([
      { orderId: first, skuId: a, availableDelta: 1, reservedDelta: -1 },
      { orderId: first, skuId: b, availableDelta: 1, reservedDelta: -1 },
      { orderId: second, skuId: a, availableDelta: 2, reservedDelta: -2 },
      { orderId: third, skuId: b, availableDelta: 3, reservedDelta: -3 },
    ])
    const events = [first, second, third].map((orderId) => outboxCount(db, 'stock.reservation.expired', orderId))
    expect(await Promise.all(events)).toEqual([1, 1, 1])
    expect(await statusesOf(db, [first, second, third])).toEqual({
      [first]: 'EXPIRED',
      [second]: 'EXPIRED',
      [third]: 'EXPIRED',
    })
    expect(await redisStock(inventory, [a, b])).toEqual({
      [a]: { available: 4, reserved: 0 },
      [b]: { available: 4, reserved: 0 },
    })
    expect([await balanceOf(db, a), await balanceOf(db, b)]).toMatchObject([
      { available: 4, reserved: 0 },
      { available: 4, reserved: 0 },
    ])
  })

  describe('with two more instances whose jobs look every second (TTL 1 s)', () => {
    const fast = { INVENTORY_RESERVATION_TTL_S: '1', INVENTORY_EXPIRY_EVERY_S: '1' }
    const replicas: Inventory[] = []
    beforeAll(async () => {
      replicas.push(await startWithoutConsumers(fast), await startWithoutConsumers(fast))
    })
    afterAll(async () => {
      await Promise.all(replicas.map((r) => r.stop()))
    })

    test('when a reservation outlives its TTL, then it is expired once, a confirm after it fails with RESERVATION_EXPIRED, and one confirmed in time never expires', async () => {
      const { inventory } = ctx
      const db = inventory.deps.db
      const ttlMs = (replicas[0] as Inventory).deps.config.INVENTORY_RESERVATION_TTL_S * 1000
      const sku = await stockedSku(inventory, 5)
      const [paid, unpaid] = [freshId(), freshId()]
      // `unpaid` was placed an hour ago: due at once, ahead of the rows other tests left due in the shared table.
      await reserve(inventory, {
        orderId: unpaid,
        lines: [[sku, 2]],
        ttlMs,
        placedAt: new Date(Date.now() - 3_600_000),
      })
      await reserve(inventory, { orderId: paid, lines: [[sku, 1]], ttlMs })
      expect(await confirmStock(contextOf(inventory), paid, testMeta())).toBe('confirmed')
      const paidDeadline = (await deadlineOf(db, paid)).getTime()

      const expired = await waitForOutboxEvent(db, 'stock.reservation.expired', isOrder(unpaid))
      expect(expired.data).toMatchObject({ orderId: unpaid, items: [{ skuId: sku, quantity: 2 }] })
      expect(await confirmStock(contextOf(inventory), unpaid, testMeta())).toBe('failed')
      const failed = await waitForOutboxEvent(db, 'stock.confirm.failed', isOrder(unpaid))
      expect(failed.data).toEqual({ orderId: unpaid, reason: 'RESERVATION_EXPIRED' })
      // A run that started after `paid`'s deadline and has finished looked at everything due by then. Such a run may
      // have a burst of other tests' reservations to expire first, hence the longer wait.
      const runPastDeadline = async () => {
        const lease = await expiryLease(db)
        return lease.lastStartedAt.getTime() > paidDeadline && lease.lastFinishedAt >= lease.lastStartedAt
      }
      await eventually(runPastDeadline, { timeoutMs: 30_000, what: 'an expiry run past the deadline' })

      expect(await ledgerOf(db, [paid, unpaid], 'EXPIRE')).toEqual([
        { orderId: unpaid, skuId: sku, availableDelta: 2, reservedDelta: -2 },
      ])
      expect(await outboxCount(db, 'stock.reservation.expired', unpaid)).toBe(1)
      expect(await outboxCount(db, 'stock.reservation.expired', paid)).toBe(0)
      expect(await statusesOf(db, [paid, unpaid])).toEqual({ [paid]: 'CONFIRMED', [unpaid]: 'EXPIRED' })
      expect(await redisStock(inventory, [sku])).toEqual({ [sku]: { available: 4, reserved: 0 } })
      expect(await balanceOf(db, sku)).toMatchObject({ available: 4, reserved: 0 })
    })
  })
})
