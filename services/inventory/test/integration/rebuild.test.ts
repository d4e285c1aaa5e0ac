import { describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { OrderPlacedV1 } from '@commerce/contracts/order'
import { TransientError } from '@commerce/platform/errors'
import { consumerRetries } from '@commerce/platform/metrics'
import { eventually, freshId, freshName, positionGroupAtEnd, publishEvent } from '@commerce/platform/testing'
import { inventoryTopics } from '../../src/consumers'
import { stockKeys } from '../../src/db/stock-store'
import { confirmStock } from '../../src/use-cases/confirm-stock'
import { rebuildLockKey } from '../../src/use-cases/rebuild-lock'
import { rebuildIfEmpty, rebuildRedis } from '../../src/use-cases/rebuild-redis'
import { reconcile } from '../../src/use-cases/reconcile'
import { releaseStock } from '../../src/use-cases/release-stock'
import { reserveStock } from '../../src/use-cases/reserve-stock'
import { balanceOf, startInventory, stockedSku, storeOf, testMeta } from './fixture'
import {
  contextOf,
  freeRebuildLock,
  items,
  opsDeps,
  opsUnderTest,
  outboxCount,
  redisStock,
  startWithoutConsumers,
  statusesOf,
  wipeInventoryKeys,
} from './ops-fixture'

// Every test here takes Redis' inventory keys away from the whole shared stack for a moment (the stack's own
// inventory and other test files retry NOT_READY meanwhile); each waits for conditions, never for time.
describe('rebuilding Redis from MariaDB', () => {
  const ctx = opsUnderTest()
  const retentionS = () => ctx.inventory.deps.config.INVENTORY_RECORD_RETENTION_S

  test('when Redis lost every inventory key, then a rebuild restores balances and reservation records, and a confirm works after it', async () => {
    const { inventory } = ctx
    const [a, b] = [await stockedSku(inventory, 10), await stockedSku(inventory, 5)]
    const [held, sold, released] = [freshId(), freshId(), freshId()]
    const context = contextOf(inventory)
    const reserve = (orderId: number, lines: [number, number][]) =>
      reserveStock(context, { orderId, items: items(...lines), ttlMs: 600_000 }, testMeta())
    await reserve(held, [
      [a, 2],
      [b, 1],
    ])
    await reserve(sold, [[a, 3]])
    await confirmStock(context, sold, testMeta())
    await reserve(released, [[b, 4]])
    await releaseStock(context, released, testMeta())
    const heldRecord = await inventory.deps.redis.hgetall(stockKeys.reservation(held))

    await wipeInventoryKeys(inventory.deps.redis)
    const report = await rebuildRedis(opsDeps(inventory), { retentionS: retentionS(), graceMs: 0 })

    expect(report).toMatchObject({ rebuilt: true })
    expect(report.skus).toBeGreaterThanOrEqual(2)
    expect(await redisStock(inventory, [a, b])).toEqual({
      [a]: { available: 5, reserved: 2 },
      [b]: { available: 4, reserved: 1 },
    })
    const check = await reconcile(opsDeps(inventory), { skuIds: [a, b], orderIds: [held, sold, released] })
    expect(check).toMatchObject({ skus: 2, reservations: 3, skuDrift: [], reservationDrift: [] })
    const redis = inventory.deps.redis
    expect(await redis.hgetall(stockKeys.reservation(held))).toEqual(heldRecord)
    expect(await redis.hget(stockKeys.reservation(sold), 'status')).toBe('CONFIRMED')
    expect(await redis.ttl(stockKeys.reservation(sold))).toBeGreaterThan(0)
    expect(await redis.hget(stockKeys.reservation(released), 'status')).toBe('RELEASED')

    expect(await confirmStock(context, held, testMeta())).toBe('confirmed')
    expect(await redisStock(inventory, [a, b])).toEqual({
      [a]: { available: 5, reserved: 0 },
      [b]: { available: 4, reserved: 0 },
    })
    expect(await balanceOf(inventory.deps.db, a)).toMatchObject({ available: 5, reserved: 0 })
  })

  test('when Redis lost its keys, then a reserve answers NOT_READY and an order placed meanwhile is reserved once the guard rebuilds', async () => {
    const { inventory } = ctx
    // An instance in a group of its own sees the order for sure (the stack's `inventory` group sees it too; both
    // converge on one reservation); its guard looks every second.
    const groupId = freshName('inventory-rebuild')
    await positionGroupAtEnd(inventory.deps.kafka, groupId, inventoryTopics)
    await using watcher = await startInventory({ INVENTORY_CONSUMER_GROUP: groupId, INVENTORY_GUARD_EVERY_S: '1' })
    const sku = await stockedSku(inventory, 3)
    const orderId = freshId()
    const retries = async () =>
      (await consumerRetries.get()).values
        .filter((v) => v.labels['consumer'] === groupId && v.labels['type'] === 'order.placed')
        .reduce((sum, v) => sum + v.value, 0)
    const lockToken = crypto.randomUUID()

    await wipeInventoryKeys(inventory.deps.redis, lockToken)
    const reserveNow = storeOf(inventory).reserve(freshId(), items([sku, 1]), new Date(Date.now() + 60_000))
    await expect(reserveNow).rejects.toBeInstanceOf(TransientError)
    const before = await retries()
    await publishEvent(inventory.deps.kafka, OrderPlacedV1, {
      orderId,
      userId: 1,
      payableAmount: 2000,
      items: [{ skuId: sku, quantity: 2, unitPrice: 1000 }],
    })
    await eventually(async () => (await retries()) > before, { what: 'the consumer retrying NOT_READY' })
    await freeRebuildLock(inventory.deps.redis, lockToken)

    // The guard's rebuild reads the whole shared store, and the consumer's backoff has grown to seconds by then.
    const reservedOnce = async () => (await outboxCount(inventory.deps.db, 'stock.reserved', orderId)) === 1
    await eventually(reservedOnce, { timeoutMs: 30_000, what: 'stock.reserved for the order' })
    expect(await outboxCount(inventory.deps.db, 'stock.reservation.failed', orderId)).toBe(0)
    expect(await statusesOf(inventory.deps.db, [orderId])).toEqual({ [orderId]: 'RESERVED' })
    expect(await redisStock(watcher, [sku])).toEqual({ [sku]: { available: 1, reserved: 2 } })
  })

  test('when a service starts on a Redis without stock, then it has rebuilt it before it serves', async () => {
    const { inventory } = ctx
    const sku = await stockedSku(inventory, 6)
    await wipeInventoryKeys(inventory.deps.redis)

    await using started = await startWithoutConsumers()

    expect(await started.deps.redis.exists(stockKeys.ready)).toBe(1)
    expect(await redisStock(started, [sku])).toEqual({ [sku]: { available: 6, reserved: 0 } })
    const response = await fetch(`${started.url}/api/inventories/${sku}`)
    expect(((await response.json()) as { data: unknown }).data).toEqual({
      skuId: sku,
      onHand: 6,
      reserved: 0,
      available: 6,
    })
  })

  test('when an operator runs `rebuild` while a replica rebuilds too, then the CLI rebuilds and prints its report and the replica leaves it to it', async () => {
    const { inventory } = ctx
    const sku = await stockedSku(inventory, 4)
    const { MARIADB_URL, REDIS_URL } = inventory.deps.config
    const cli = Bun.spawn(['bun', join(import.meta.dir, '../../src/cli.ts'), 'rebuild', '--json', '--grace-ms', '0'], {
      env: { ...process.env, MARIADB_URL, REDIS_URL },
      stdout: 'pipe',
    })
    const locked = async () => (await inventory.deps.redis.exists(rebuildLockKey)) === 1
    await eventually(locked, { what: 'the CLI holding the rebuild lock' })
    const replica = await rebuildRedis(opsDeps(inventory), { graceMs: 0 })
    const [code, output] = await Promise.all([cli.exited, new Response(cli.stdout).text()])

    expect(replica.rebuilt).toBe(false)
    expect({ code, printed: JSON.parse(output) }).toMatchObject({ code: 0, printed: { rebuilt: true } })
    expect(JSON.parse(output).skus).toBeGreaterThanOrEqual(1)
    expect(await redisStock(inventory, [sku])).toEqual({ [sku]: { available: 4, reserved: 0 } })
  })

  test('when a rebuild loses its lock midway, then it does not mark Redis ready, and the next rebuild does', async () => {
    const { inventory } = ctx
    const redis = inventory.deps.redis
    const sku = await stockedSku(inventory, 2)
    const rebuilding = rebuildRedis(opsDeps(inventory), { graceMs: 300 })
    await eventually(async () => (await redis.exists(stockKeys.ready)) === 0, { what: 'the rebuild to start' })
    // As if its lock had expired and another replica's rebuild had taken it.
    const intruder = crypto.randomUUID()
    await redis.set(rebuildLockKey, intruder, 'PX', 30_000)

    expect(await rebuilding).toMatchObject({ rebuilt: false })
    expect(await redis.exists(stockKeys.ready)).toBe(0)

    await freeRebuildLock(redis, intruder)
    await rebuildIfEmpty(opsDeps(inventory), { graceMs: 0 })
    expect(await redis.exists(stockKeys.ready)).toBe(1)
    expect(await redisStock(inventory, [sku])).toEqual({ [sku]: { available: 2, reserved: 0 } })
  })
})
