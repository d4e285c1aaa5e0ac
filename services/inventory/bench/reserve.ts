// Reservation throughput (issue 10, measure 1): `order.placed` produced → `stock.reserved` committed, through the real
// consumer path (startConsumer with inventory's handlers: inbox, pre-check, reserve Lua, final transaction with ledger,
// balances, reservation row and outbox), 1–3 items per order, against a bare ioredis loop driving the same reserve
// script in the same run. The records go to a topic of the bench's own (3 partitions, like commerce.order.events;
// deleted afterwards), so the stack's inventory does not share the work. Not a test. Needs the stack up:
//   bun services/inventory/bench/reserve.ts      BENCH_ORDERS=5000 BENCH_SKUS=50 BENCH_POOL=10
import { createDb } from '@commerce/platform/db'
import {
  createKafka,
  deleteTopics,
  encodeEvent,
  ensureTopics,
  openProducer,
  startConsumer,
} from '@commerce/platform/kafka'
import { createLogger } from '@commerce/platform/log'
import { consumedEvents } from '@commerce/platform/metrics'
import { createRedis } from '@commerce/platform/redis'
import { freshName, testEnv } from '@commerce/platform/testing'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { inventoryHandlers } from '../src/consumers'
import type { InventoryDb } from '../src/db'
import * as schema from '../src/db/schema'
import { stockKeys, stockStore } from '../src/db/stock-store'
import { adjustStock } from '../src/use-cases/adjust-stock'
import { noFaults } from '../src/use-cases/fault-points'
import { initializeStock } from '../src/use-cases/initialize-stock'
import { transactionSteps } from '../src/use-cases/steps'
import { placedEvent } from '../test/integration/saga-fixture'
import {
  bareScriptRate,
  cpuBetween,
  orderItems,
  Split,
  stackCpuMs,
  statementCosts,
  timedHandlers,
  timedStore,
} from './reserve-timing'

const ORDERS = Number(process.env['BENCH_ORDERS'] ?? 5_000)
const SKUS = Number(process.env['BENCH_SKUS'] ?? 50)
const POOL = Number(process.env['BENCH_POOL'] ?? 10) // the service's default pool
const PARTITIONS = Number(process.env['BENCH_PARTITIONS'] ?? 3) // commerce.order.events has 3
// Consumers of the group in this process (replicas); each handles up to 3 partitions at once, as a service does.
const REPLICAS = Number(process.env['BENCH_REPLICAS'] ?? 1)
const WARMUP = 200
// Records handled at once: each partition's records go one at a time, at most 3 partitions per consumer.
const IN_FLIGHT = Math.min(PARTITIONS, 3 * REPLICAS)

const env = testEnv()
const logger = createLogger({ bench: 'inventory-reserve' }, 'warn')
const handle = createDb({ url: env.databaseUrl('inventory'), poolSize: POOL, schema })
const db = handle.db as unknown as InventoryDb
const redis = createRedis(env.redisUrl, {}, logger)
const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'bench-inventory-reserve', logger })
const store = stockStore(redis, { retentionS: 600, markerS: 600 })
const run = freshName('reserve')
const topic = `commerce.bench.${run}`
const meta = () => ({ now: new Date(), correlationId: run, causationId: crypto.randomUUID() })
let nextOrderId = Date.now() * 1000

/** Fresh SKUs with more stock than the run can take, made the way production makes them. */
async function benchSkus(): Promise<number[]> {
  const context = { steps: transactionSteps(db), store }
  const ids = Array.from({ length: SKUS }, () => nextOrderId++)
  for (const skuId of ids) {
    await initializeStock(context, { skuId, quantity: 0 }, meta())
    const input = { skuId, delta: 10_000_000, reason: 'bench', actorId: 1, adjustmentId: crypto.randomUUID() }
    await adjustStock({ db, store }, input, meta())
  }
  return ids
}

const ordersOf = (count: number, skuIds: number[]) =>
  Array.from({ length: count }, (_, i) => ({ orderId: nextOrderId++, items: orderItems(i, skuIds) }))

async function handledBy(groupId: string): Promise<number> {
  const metric = await consumedEvents.get()
  return metric.values.filter((v) => v.labels.consumer === groupId).reduce((sum, v) => sum + v.value, 0)
}

async function produceOrders(orders: ReturnType<typeof ordersOf>) {
  await using producer = await openProducer(kafka)
  const sends = []
  for (let from = 0; from < orders.length; from += 500) {
    const records = orders.slice(from, from + 500).map((o) => encodeEvent(placedEvent(o.orderId, o.items)))
    sends.push(producer.send(topic, records))
  }
  await Promise.all(sends)
}

/** Orders of the run whose `stock.reserved` is committed (its reservation row RESERVED). */
async function reservedCount(orderIds: number[]): Promise<number> {
  let total = 0
  for (let from = 0; from < orderIds.length; from += 1000) {
    const [row] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(schema.reservations)
      .where(
        and(
          inArray(schema.reservations.orderId, orderIds.slice(from, from + 1000)),
          eq(schema.reservations.status, 'RESERVED'),
        ),
      )
    total += row?.n ?? 0
  }
  return total
}

/** The consumer path: events/s from the first produce to the last commit, with the handler's time split. */
async function consumerPath(skuIds: number[]) {
  const split = new Split()
  const groupId = freshName('bench-inventory')
  const handlers = inventoryHandlers({
    store: timedStore(store, split),
    reservationTtlMs: 7 * 86_400_000,
    fault: noFaults,
  })
  const consumers = await Promise.all(
    Array.from({ length: REPLICAS }, () =>
      startConsumer({
        kafka,
        groupId,
        topics: [topic],
        handlers: timedHandlers(handlers, split),
        db: handle.db,
        logger,
        sessionTimeoutMs: 10_000,
      }),
    ),
  )
  // Warm-up: the group joined, the JIT warm, the pool's connections open.
  await produceOrders(ordersOf(WARMUP, skuIds))
  while ((await handledBy(groupId)) < WARMUP) await Bun.sleep(20)
  split.reset()
  const orders = ordersOf(ORDERS, skuIds)
  const stackBefore = await stackCpuMs()
  const cpu = process.cpuUsage()
  const started = performance.now()
  await produceOrders(orders)
  const producedMs = performance.now() - started
  while ((await handledBy(groupId)) < WARMUP + ORDERS) await Bun.sleep(10)
  const wallMs = performance.now() - started
  const used = process.cpuUsage(cpu)
  const stackAfter = await stackCpuMs()
  const stack = cpuBetween(stackBefore, stackAfter)
  await Promise.all(consumers.map((c) => c.stop()))
  const reserved = await reservedCount(orders.map((o) => o.orderId))
  return {
    rate: ORDERS / (wallMs / 1000),
    wallMs,
    producedMs,
    cpuMs: (used.user + used.system) / 1000,
    split,
    reserved,
    stack,
  }
}

const ms = (total: number, n: number) => `${(total / n).toFixed(2).padStart(6)} ms`

await ensureTopics(kafka, [{ topic, partitions: PARTITIONS }])
try {
  const skuIds = await benchSkus()
  const bareOrders = ordersOf(ORDERS, skuIds)
  const bare1 = await bareScriptRate(store, bareOrders.slice(0, ORDERS / 2), 1)
  const bareN = await bareScriptRate(store, bareOrders.slice(ORDERS / 2), IN_FLIGHT)
  await redis.unlink(...bareOrders.map((o) => stockKeys.reservation(o.orderId)))
  const path = await consumerPath(skuIds)
  const items = ordersOf(ORDERS, skuIds).reduce((n, o) => n + o.items.length, 0) / ORDERS
  console.log(
    `${ORDERS} orders, ${items.toFixed(2)} SKUs each (of ${SKUS}), ${PARTITIONS} partitions, ${REPLICAS} consumer(s), DB pool ${POOL}`,
  )
  console.log(`bare reserve script, 1 in flight          ${bare1.toFixed(0).padStart(7)} reservations/s`)
  console.log(`bare reserve script, ${IN_FLIGHT} in flight          ${bareN.toFixed(0).padStart(7)} reservations/s`)
  console.log(
    `consumer path (produce → stock.reserved)  ${path.rate.toFixed(0).padStart(7)} reservations/s  ` +
      `${(path.rate / bareN).toFixed(3)}× the bare script (${IN_FLIGHT} in flight); ${path.reserved}/${ORDERS} committed; ` +
      `produce took ${path.producedMs.toFixed(0)} ms of ${path.wallMs.toFixed(0)} ms`,
  )
  console.log(
    `  this process' CPU: ${ms(path.cpuMs, ORDERS)} per reservation = ${((path.cpuMs / path.wallMs) * 100).toFixed(0)}% of one core`,
  )
  const handled = path.split.calls['handler run'] ?? 1
  for (const [part, total] of Object.entries(path.split.ms)) {
    console.log(`  ${part.padEnd(36)} ${ms(total, handled)} per reservation (${path.split.calls[part]} calls)`)
  }
  for (const [name, cpuMs] of path.stack) {
    console.log(
      `  CPU of ${name.padEnd(29)} ${ms(cpuMs, ORDERS)} per reservation = ${((cpuMs / path.wallMs) * 100).toFixed(0)}% of one core`,
    )
  }
  const inHandler = path.split.ms['handler run'] ?? 0
  console.log(
    `  runner outside the handler (fetch, decode, inbox look-up, offset commit; ${IN_FLIGHT} records at once): ` +
      `${ms(path.wallMs * IN_FLIGHT - inHandler, handled)} per reservation`,
  )
  console.log('one statement from this process (one at a time):')
  for (const [what, cost] of Object.entries(await statementCosts(db, handle.pool))) {
    console.log(`  ${what.padEnd(42)} ${cost.wallMs.toFixed(3)} ms wall, ${cost.cpuMs.toFixed(3)} ms CPU`)
  }
} finally {
  await deleteTopics(kafka, [topic])
  await handle.close()
  redis.disconnect()
}
process.exit(0)
