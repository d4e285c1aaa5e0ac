import { describe, expect, test } from 'bun:test'
import { StockReservedV1 } from '@commerce/contracts/inventory'
import { OrderPlacedV1 } from '@commerce/contracts/order'
import { call, freshId, publishEvent } from '@commerce/platform/testing'
import {
  confirm,
  eventsOf,
  handled,
  paymentKey,
  paymentOf,
  paymentUnderTest,
  pgRecord,
  placed,
  readyPayment,
  reserved,
  typesOf,
  userIdOf,
} from './fixture'

// POST /api/payments/confirm against the PG sandbox (SPEC §4): every PG outcome, and never a second charge — the
// sandbox's own record is the judge.

describe('confirm', () => {
  const ctx = paymentUnderTest()
  const db = () => ctx.payment.deps.db
  const statusOf = async (orderId: number) => (await paymentOf(db(), orderId))?.status
  const ready = () => readyPayment(ctx.payment, { token: ctx.buyer })
  const body = (order: { orderId: number; amount: number }, key: string) => ({
    orderId: order.orderId,
    paymentKey: key,
    amount: order.amount,
  })

  test('when the PG approves, then 200 APPROVED, payment.completed, and the PG holds one charge', async () => {
    const order = await ready()

    const reply = await confirm(ctx.url, { token: ctx.buyer, body: body(order, paymentKey()) })

    const events = await eventsOf(db(), order.orderId, order.since)
    expect({
      reply: [reply.status, reply.body.data],
      status: await statusOf(order.orderId),
      events: typesOf(events),
      pg: await pgRecord(ctx.sandbox, order.orderNo),
    }).toEqual({
      reply: [200, { paymentId: (await paymentOf(db(), order.orderId))?.paymentId, status: 'APPROVED' }],
      status: 'APPROVED',
      events: ['payment.created', 'payment.completed'],
      pg: { status: 'DONE', totalAmount: order.amount, balanceAmount: order.amount, cancels: [] },
    })
    expect(events[1]).toMatchObject({ correlationid: String(order.orderId), data: { paidAmount: order.amount } })
  })

  test('when the PG declines, then 422 PAYMENT-422-001, the payment FAILED with PG_DECLINED, nothing charged', async () => {
    const order = await ready()

    const reply = await confirm(ctx.url, { token: ctx.buyer, body: body(order, paymentKey('fail_')) })

    const events = await eventsOf(db(), order.orderId, order.since)
    expect({
      reply: [reply.status, reply.body.error.code],
      status: await statusOf(order.orderId),
      failed: events[1]?.data,
      pg: await pgRecord(ctx.sandbox, order.orderNo),
    }).toMatchObject({
      reply: [422, 'PAYMENT-422-001'],
      status: 'FAILED',
      failed: { reason: 'PG_DECLINED', pgErrorCode: 'REJECT_CARD_PAYMENT', cancelledAmount: order.amount },
      pg: undefined,
    })
  })

  test('when the PG fails with 5xx on every try, then the payment ends FAILED (PG_SERVICE_UNAVAILABLE) and nothing is charged', async () => {
    const order = await ready()

    const reply = await confirm(ctx.url, { token: ctx.buyer, body: body(order, paymentKey('error_')) })

    const events = await eventsOf(db(), order.orderId, order.since)
    expect({
      reply: [reply.status, reply.body.error.code],
      status: await statusOf(order.orderId),
      failed: events[1]?.data['reason'],
      pg: await pgRecord(ctx.sandbox, order.orderNo),
    }).toEqual({ reply: [422, 'PAYMENT-422-002'], status: 'FAILED', failed: 'PG_SERVICE_UNAVAILABLE', pg: undefined })
  })

  test('when the PG answers after the timeout, then the retry with the same key learns the approval and there is one charge', async () => {
    const order = await ready()

    const reply = await confirm(ctx.url, { token: ctx.buyer, body: body(order, paymentKey('slow_')) })

    expect({
      reply: [reply.status, reply.body.data?.status],
      status: await statusOf(order.orderId),
      events: typesOf(await eventsOf(db(), order.orderId, order.since)),
      pg: await pgRecord(ctx.sandbox, order.orderNo),
    }).toEqual({
      reply: [200, 'APPROVED'],
      status: 'APPROVED',
      events: ['payment.created', 'payment.completed'],
      pg: { status: 'DONE', totalAmount: order.amount, balanceAmount: order.amount, cancels: [] },
    })
  })

  test('when the amount differs, then 422 PAYMENT-422-003 and the payment is unchanged', async () => {
    const order = await ready()

    const reply = await confirm(ctx.url, {
      token: ctx.buyer,
      body: { ...body(order, paymentKey()), amount: order.amount - 1 },
    })

    expect([reply.status, reply.body.error.code, await statusOf(order.orderId)]).toEqual([
      422,
      'PAYMENT-422-003',
      'READY',
    ])
  })

  test('when no payment is READY yet, then 409 PAYMENT-409-004, not kept under the key: the same key succeeds later', async () => {
    const orderId = freshId()
    const data = placed(orderId, userIdOf(ctx.buyer))
    await handled(db(), await publishEvent(ctx.payment.deps.kafka, OrderPlacedV1, data))
    const key = crypto.randomUUID()
    const request = { token: ctx.buyer, key, body: { orderId, paymentKey: paymentKey(), amount: data.payableAmount } }

    const early = await confirm(ctx.url, request)
    await handled(db(), await publishEvent(ctx.payment.deps.kafka, StockReservedV1, reserved(orderId)))
    const later = await confirm(ctx.url, request)

    expect([early.status, early.body.error.code, later.status, later.body.data.status]).toEqual([
      409,
      'PAYMENT-409-004',
      200,
      'APPROVED',
    ])
  })

  test('when an approved payment is confirmed again, then the same 200 and still one charge', async () => {
    const order = await ready()
    const request = { token: ctx.buyer, body: body(order, paymentKey()) }

    const first = await confirm(ctx.url, request)
    const second = await confirm(ctx.url, request)

    expect({
      replies: [first.status, first.body.data, second.status, second.body.data],
      completed: typesOf(await eventsOf(db(), order.orderId, order.since)).filter((t) => t === 'payment.completed'),
      pg: (await pgRecord(ctx.sandbox, order.orderNo))?.totalAmount,
    }).toEqual({
      replies: [200, first.body.data, 200, first.body.data],
      completed: ['payment.completed'],
      pg: order.amount,
    })
  })

  test('when confirms with one Idempotency-Key race (slow PG), then both get 200 and the PG charged once', async () => {
    const order = await ready()
    const request = { token: ctx.buyer, key: crypto.randomUUID(), body: body(order, paymentKey('slow_')) }

    const replies = await Promise.all([confirm(ctx.url, request), confirm(ctx.url, request), confirm(ctx.url, request)])

    expect({
      replies: replies.map((r) => [r.status, r.body.data?.status]),
      completed: typesOf(await eventsOf(db(), order.orderId, order.since)).filter((t) => t === 'payment.completed'),
      pg: await pgRecord(ctx.sandbox, order.orderNo),
    }).toEqual({
      replies: [
        [200, 'APPROVED'],
        [200, 'APPROVED'],
        [200, 'APPROVED'],
      ],
      completed: ['payment.completed'],
      pg: { status: 'DONE', totalAmount: order.amount, balanceAmount: order.amount, cancels: [] },
    })
  })

  test('when a key is reused for another body, then 422 COMMON-422-001; the same body replays the first answer', async () => {
    const order = await ready()
    const key = crypto.randomUUID()
    const declined = body(order, paymentKey('fail_'))
    const first = await confirm(ctx.url, { token: ctx.buyer, key, body: declined })

    const other = await confirm(ctx.url, { token: ctx.buyer, key, body: body(order, paymentKey()) })
    const again = await confirm(ctx.url, { token: ctx.buyer, key, body: declined })

    expect([other.status, other.body.error.code]).toEqual([422, 'COMMON-422-001'])
    expect([again.status, again.body.error]).toEqual([first.status, first.body.error])
    expect(first.body.error.code).toBe('PAYMENT-422-001')
  })

  test("when another user reads or confirms someone's payment, then 404 as if it did not exist", async () => {
    const order = await ready()

    const read = await call(`${ctx.url}/api/payments/orders/${order.orderId}`, { token: ctx.other })
    const confirmed = await confirm(ctx.url, { token: ctx.other, body: body(order, paymentKey()) })
    const own = await call(`${ctx.url}/api/payments/orders/${order.orderId}`, { token: ctx.buyer })

    expect({
      read: [read.status, read.body.error.code],
      confirmed: [confirmed.status, confirmed.body.error.code],
      own: [own.status, own.body.data.status, own.body.data.amount],
      status: await statusOf(order.orderId),
    }).toEqual({
      read: [404, 'PAYMENT-404-001'],
      confirmed: [404, 'PAYMENT-404-001'],
      own: [200, 'READY', order.amount],
      status: 'READY',
    })
  })

  test('when there is no token or a bad body, then 401 and 400 with their codes, never 500', async () => {
    const noToken = await call(`${ctx.url}/api/payments/confirm`, { method: 'POST', body: { orderId: 1 } })
    const bad = await confirm(ctx.url, { token: ctx.buyer, body: { orderId: -1, paymentKey: '', amount: 0 } })
    const malformed = await call(`${ctx.url}/api/payments/confirm`, { method: 'POST', token: ctx.buyer, raw: '{' })

    expect([noToken.status, noToken.body.error.code, bad.status, bad.body.error.code, malformed.status]).toEqual([
      401,
      'COMMON-401-001',
      400,
      'COMMON-400-004',
      400,
    ])
  })
})
