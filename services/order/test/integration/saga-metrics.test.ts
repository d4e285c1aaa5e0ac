import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { StockConfirmedV1 } from '@commerce/contracts/inventory'
import { createDb } from '@commerce/platform/db'
import { deleteTopics, encodeEvent, ensureTopics, produce, startConsumer } from '@commerce/platform/kafka'
import { consumedEvents } from '@commerce/platform/metrics'
import { eventually, freshName } from '@commerce/platform/testing'
import { eq } from 'drizzle-orm'
import { orderHandlers } from '../../src/consumers'
import { orders } from '../../src/db/schema'
import { applySagaEvent } from '../../src/use-cases/apply-saga-event'
import { sagaDuration, sagaOutcomes } from '../../src/use-cases/metrics'
import { watchOpenSagas } from '../../src/use-cases/open-sagas'
import { type Order, startOrder } from './fixture'
import { orderState, seedOrder } from './saga-fixture'

const ctx = {} as { order: Order }
beforeAll(async () => {
  ctx.order = await startOrder({ consumers: false })
})
afterAll(async () => {
  await ctx.order?.stop()
})
const db = () => ctx.order.deps.db

const confirmedCount = async () =>
  (await sagaOutcomes.get()).values.find((v) => v.labels.outcome === 'CONFIRMED')?.value ?? 0
const confirmedDurations = async () =>
  (await sagaDuration.get()).values.find(
    (v) => v.metricName === 'order_saga_duration_seconds_count' && v.labels.outcome === 'CONFIRMED',
  )?.value ?? 0

async function scrape(): Promise<{ status: number; text: string }> {
  const res = await fetch(`${ctx.order.url}/metrics`)
  return { status: res.status, text: await res.text() }
}

/** The value of the one sample `name{labels}` in a scrape, or undefined. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('saga outcome metrics', () => {
  test('when stock.confirmed is delivered twice for a PAID order, then CONFIRMED counts once with its duration', async () => {
    const topic = freshName('order-metrics')
    const { kafka, logger } = ctx.order.deps
    await ensureTopics(kafka, [{ topic, partitions: 1 }])
    const groupId = freshName('order-metrics')
    await using _consumer = await startConsumer({
      kafka,
      groupId,
      topics: [topic],
      handlers: orderHandlers,
      db: db(),
      logger,
    })
    const order = await seedOrder(db(), 'PAID')
    const [before, durationsBefore] = [await confirmedCount(), await confirmedDurations()]
    const event = StockConfirmedV1.create(
      { orderId: order.orderId, items: order.lines },
      { now: new Date(), correlationId: String(order.orderId), causationId: crypto.randomUUID() },
    )

    await produce(kafka, topic, [encodeEvent(event), encodeEvent(event)])

    await eventually(async () => {
      const seen = (await consumedEvents.get()).values.filter((v) => v.labels.consumer === groupId)
      return seen.some((v) => v.labels.outcome === 'duplicate' && v.value === 1)
    })
    expect({
      status: (await orderState(db(), order.orderId)).status,
      counted: (await confirmedCount()) - before,
      durations: (await confirmedDurations()) - durationsBefore,
    }).toEqual({ status: 'CONFIRMED', counted: 1, durations: 1 })
    await deleteTopics(kafka, [topic])
  })

  test('when the transaction that confirms rolls back, then nothing is counted', async () => {
    const order = await seedOrder(db(), 'PAID')
    const before = await confirmedCount()
    const meta = { now: new Date(), correlationId: String(order.orderId), causationId: crypto.randomUUID() }
    const input = { orderId: order.orderId, signal: 'stock.confirmed' as const, reason: 'STOCK_CONFIRMED' }

    const failed = db().transaction(async (tx) => {
      await applySagaEvent(tx, { ...input, logger: ctx.order.deps.logger }, meta)
      throw new Error('the commit never happens')
    })

    expect(await failed.catch((e: Error) => e.message)).toBe('the commit never happens')
    expect({
      status: (await orderState(db(), order.orderId)).status,
      counted: (await confirmedCount()) - before,
    }).toEqual({ status: 'PAID', counted: 0 })
  })
})

describe('open saga gauges', () => {
  test('when a CREATED order is ten days old, then /metrics shows it in the gt_1h band and as the oldest CREATED', async () => {
    const order = await seedOrder(db(), 'CREATED')
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000)
    await db().update(orders).set({ createdAt: tenDaysAgo }).where(eq(orders.id, order.orderId))
    try {
      const text = await eventually(async () => {
        const { text } = await scrape()
        return (sample(text, 'order_oldest_open_saga_age_seconds{state="CREATED"}') ?? 0) >= 864_000 && text
      })

      expect({
        open: (sample(text, 'order_sagas_open{state="CREATED",age="gt_1h"}') ?? 0) >= 1,
        bands: ['lt_1m', '1m_15m', '15m_1h', 'gt_1h'].map(
          (age) => typeof sample(text, `order_sagas_open{state="PAID",age="${age}"}`),
        ),
        needsAttention: typeof sample(text, 'order_needs_attention'),
      }).toEqual({ open: true, bands: ['number', 'number', 'number', 'number'], needsAttention: 'number' })
    } finally {
      // A ten-day-old CREATED order would look like a stuck saga to everyone else on the shared stack.
      await db().update(orders).set({ status: 'FAILED' }).where(eq(orders.id, order.orderId))
    }
  })

  test('when the database cannot be reached during a scrape, then /metrics answers 200 without the open-saga gauges', async () => {
    const unreachable = createDb({ url: 'mysql://nobody:nothing@127.0.0.1:1/commerce_order' })
    watchOpenSagas(unreachable.db, ctx.order.deps.logger)
    try {
      const { status, text } = await scrape()

      expect({
        status,
        openSagas: text.includes('order_sagas_open{'),
        needsAttention: sample(text, 'order_needs_attention'),
        httpHistogram: text.includes('# TYPE http_server_request_duration_seconds histogram'),
      }).toEqual({ status: 200, openSagas: false, needsAttention: undefined, httpHistogram: true })
    } finally {
      watchOpenSagas(db(), ctx.order.deps.logger)
      await unreachable.close()
    }
  })
})
