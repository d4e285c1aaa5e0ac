import { describe, expect, test } from 'bun:test'
import { OrderCancelledV1 } from '@commerce/contracts/order'
import { startPgSandbox } from '@commerce/platform/pg-sandbox'
import { eventually, publishEvent } from '@commerce/platform/testing'
import {
  confirm,
  eventsOf,
  handled,
  paymentKey,
  paymentOf,
  paymentUnderTest,
  pgRecord,
  readyPayment,
  secretKey,
  typesOf,
} from './fixture'

// The outcome-unknown path (SPEC §4): the PG and its inquiry both unreachable → 503, the attempt stays pending, and
// the leased settle job resolves it later with the same Idempotency-Key; an order cancelled meanwhile turns the
// approval into a refund.

describe('confirm attempts left pending', () => {
  const ctx = paymentUnderTest({ PAYMENT_SETTLE_AFTER_S: '1' })
  const db = () => ctx.payment.deps.db
  const statusOf = async (orderId: number) => (await paymentOf(db(), orderId))?.status

  test('when the PG is unreachable, then 503 (not kept), and once it is back the settle job approves one attempt, or refunds it if the order was cancelled', async () => {
    const kept = await readyPayment(ctx.payment, { token: ctx.buyer })
    const dropped = await readyPayment(ctx.payment, { token: ctx.buyer })
    const port = new URL(ctx.sandbox.url).port
    await ctx.sandbox.stop()
    const keptRequest = {
      token: ctx.buyer,
      key: crypto.randomUUID(),
      body: { orderId: kept.orderId, paymentKey: paymentKey(), amount: kept.amount },
    }
    const droppedBody = { orderId: dropped.orderId, paymentKey: paymentKey(), amount: dropped.amount }

    const down = await Promise.all([
      confirm(ctx.url, keptRequest),
      confirm(ctx.url, { token: ctx.buyer, body: droppedBody }),
    ])
    const items = [{ skuId: 9_000_000_000_000_001, quantity: 1 }]
    const cancel = { orderId: dropped.orderId, reason: 'USER_REQUEST' as const, items }
    await handled(db(), await publishEvent(ctx.payment.deps.kafka, OrderCancelledV1, cancel))
    ctx.sandbox = startPgSandbox({ port: Number(port), secretKey, slowMs: 1_500, recordsPath: ':memory:' })

    await eventually(async () => (await statusOf(kept.orderId)) === 'APPROVED', { timeoutMs: 30_000 })
    await eventually(async () => (await statusOf(dropped.orderId)) === 'REFUNDED', { timeoutMs: 30_000 })
    const retried = await confirm(ctx.url, keptRequest)

    expect({
      down: down.map((r) => [r.status, r.body.error?.code]),
      retried: [retried.status, retried.body.data?.status],
      kept: typesOf(await eventsOf(db(), kept.orderId, kept.since)),
      dropped: typesOf(await eventsOf(db(), dropped.orderId, dropped.since)),
      pg: [await pgRecord(ctx.sandbox, kept.orderNo), await pgRecord(ctx.sandbox, dropped.orderNo)],
    }).toEqual({
      down: [
        [503, 'PAYMENT-503-001'],
        [503, 'PAYMENT-503-001'],
      ],
      retried: [200, 'APPROVED'],
      kept: ['payment.created', 'payment.completed'],
      dropped: ['payment.created', 'payment.refunded'],
      pg: [
        { status: 'DONE', totalAmount: kept.amount, balanceAmount: kept.amount, cancels: [] },
        { status: 'CANCELED', totalAmount: dropped.amount, balanceAmount: 0, cancels: [dropped.amount] },
      ],
    })
  }, 60_000)
})
