import { describe, expect, test } from 'bun:test'
import { and, eq } from 'drizzle-orm'
import { outbox } from '../../src/db/schema'
import { address, call, orderOverHttp, startOrder, userIdOf } from './fixture'

describe('POST /api/orders', () => {
  const ctx = orderOverHttp(10_000)
  const place = (body: unknown, options: { token?: string; key?: string; url?: string } = {}) =>
    call(`${options.url ?? ctx.url}/api/orders`, {
      method: 'POST',
      token: options.token ?? ctx.member,
      body,
      ...(options.key ? { key: options.key } : {}),
    })
  const orderPlacedOf = async (orderId: number) => {
    const rows = await ctx.order.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.aggregateId, String(orderId)), eq(outbox.type, 'order.placed')))
    return rows.map((r) => JSON.parse(r.payload))
  }

  test('when a member orders two SKUs, then the order is CREATED at catalog prices with its items, history and order.placed', async () => {
    const { small, large } = ctx.skus
    const body = {
      items: [
        { skuId: small.id, quantity: 2 },
        { skuId: large.id, quantity: 1 },
      ],
      shippingAddress: address,
    }

    const placed = await place(body)

    // 2 × 10 000 + 11 000 = 31 000 charged, below the free-shipping amount: + 3 000.
    expect(placed.status).toBe(201)
    const { orderId, orderNo } = placed.body.data
    expect(placed.body.data).toEqual({ orderId, orderNo, status: 'CREATED', totalAmount: 34_000 })
    expect(orderNo).toMatch(/^ORD-\d{8}-[0-9A-F]{16}$/)
    const detail = await call(`${ctx.url}/api/orders/${orderId}`, { token: ctx.member })
    const { createdAt, updatedAt, history, items } = detail.body.data
    expect(detail.body.data).toEqual({
      orderId,
      orderNo,
      userId: userIdOf(ctx.member),
      status: 'CREATED',
      subtotalAmount: 31_000,
      discountAmount: 0,
      shippingFee: 3_000,
      totalAmount: 34_000,
      refundedAmount: 0,
      currency: 'KRW',
      createdAt,
      updatedAt,
      items: [
        expect.objectContaining({
          skuId: small.id,
          quantity: 2,
          unitPrice: 10_000,
          lineAmount: 20_000,
          status: 'ORDERED',
        }),
        expect.objectContaining({
          skuId: large.id,
          quantity: 1,
          unitPrice: 11_000,
          lineAmount: 11_000,
          status: 'ORDERED',
        }),
      ],
      history: [{ from: null, to: 'CREATED', reason: null, at: history[0].at }],
      shippingAddress: address,
    })
    expect(items[0].optionValues).toEqual({ size: 'S' })
    const [event] = await orderPlacedOf(orderId)
    expect({ n: (await orderPlacedOf(orderId)).length, correlationid: event.correlationid, data: event.data }).toEqual({
      n: 1,
      correlationid: String(orderId),
      data: {
        orderId,
        userId: userIdOf(ctx.member),
        orderNo,
        payableAmount: 34_000,
        items: [
          { skuId: small.id, quantity: 2, unitPrice: 10_000 },
          { skuId: large.id, quantity: 1, unitPrice: 11_000 },
        ],
      },
    })
  })

  test('when the same SKU is listed twice, then it is one item with the quantities added', async () => {
    const { small } = ctx.skus
    const placed = await place({
      items: [
        { skuId: small.id, quantity: 1 },
        { skuId: small.id, quantity: 2 },
      ],
      shippingAddress: address,
    })
    const detail = await call(`${ctx.url}/api/orders/${placed.body.data.orderId}`, { token: ctx.member })
    expect(detail.body.data.items.map((i: { skuId: number; quantity: number }) => [i.skuId, i.quantity])).toEqual([
      [small.id, 3],
    ])
  })

  test('when a SKU is unknown or not on sale, then 422 ORDER-422-001 / ORDER-422-002 and no order', async () => {
    const unknown = await place({ items: [{ skuId: 9_007_199_254_740_000, quantity: 1 }], shippingAddress: address })
    const inactive = await place({ items: [{ skuId: ctx.skus.inactive.id, quantity: 1 }], shippingAddress: address })
    expect([unknown.status, unknown.body.error.code, inactive.status, inactive.body.error.code]).toEqual([
      422,
      'ORDER-422-001',
      422,
      'ORDER-422-002',
    ])
  })

  test('when the body is wrong, then 400 with field errors, never a 500', async () => {
    const { small } = ctx.skus
    const answers = await Promise.all([
      place({ items: [], shippingAddress: address }),
      place({ items: [{ skuId: small.id, quantity: 0 }], shippingAddress: address }),
      place({ items: [{ skuId: small.id, quantity: 100 }], shippingAddress: address }),
      place({ items: [{ skuId: 'x', quantity: 1 }], shippingAddress: address }),
      place({ items: [{ skuId: small.id, quantity: 1 }] }),
      place({ items: [{ skuId: small.id, quantity: 1 }], shippingAddress: address, shippingAddressId: 1 }),
      place({ items: Array.from({ length: 51 }, (_, i) => ({ skuId: i + 1, quantity: 1 })), shippingAddress: address }),
      place({
        items: [
          { skuId: small.id, quantity: 60 },
          { skuId: small.id, quantity: 60 },
        ],
        shippingAddress: address,
      }),
    ])
    expect(answers.map((a) => [a.status, a.body.error.code, (a.body.error.fieldErrors ?? []).length > 0])).toEqual(
      Array(8).fill([400, 'COMMON-400-004', true]),
    )
  })

  test('when no token is sent, then 401', async () => {
    const answer = await call(`${ctx.url}/api/orders`, { method: 'POST', body: { items: [] } })
    expect([answer.status, answer.body.error.code]).toEqual([401, 'COMMON-401-001'])
  })

  test('when one Idempotency-Key is sent twice and concurrently, then there is one order and every answer is the same', async () => {
    const body = { items: [{ skuId: ctx.skus.small.id, quantity: 1 }], shippingAddress: address }
    const key = crypto.randomUUID()

    const answers = await Promise.all(Array.from({ length: 4 }, () => place(body, { key })))
    const again = await place(body, { key })
    const otherBody = await place({ ...body, items: [{ skuId: ctx.skus.small.id, quantity: 2 }] }, { key })

    const ids = new Set([...answers, again].map((a) => a.body.data.orderId))
    expect({
      statuses: [...answers, again].map((a) => a.status),
      orders: ids.size,
      events: (await orderPlacedOf([...ids][0] as number)).length,
      otherBody: [otherBody.status, otherBody.body.error.code],
    }).toEqual({ statuses: [201, 201, 201, 201, 201], orders: 1, events: 1, otherBody: [422, 'COMMON-422-001'] })
  })

  test('when catalog cannot be reached, then 503 ORDER-503-002 and no order', async () => {
    await using down = await startOrder({ consumers: false, env: { CATALOG_URL: 'http://127.0.0.1:9' } })
    const answer = await place(
      { items: [{ skuId: ctx.skus.small.id, quantity: 1 }], shippingAddress: address },
      { url: down.url },
    )
    expect([answer.status, answer.body.error.code]).toEqual([503, 'ORDER-503-002'])
  })

  test('when an answered request is retried with its key while catalog is down, then the first answer is replayed', async () => {
    const body = { items: [{ skuId: ctx.skus.small.id, quantity: 1 }], shippingAddress: address }
    const key = crypto.randomUUID()
    const first = await place(body, { key })
    await using down = await startOrder({ consumers: false, env: { CATALOG_URL: 'http://127.0.0.1:9' } })

    const retried = await place(body, { key, url: down.url })
    const otherBody = await place(
      { ...body, items: [{ skuId: ctx.skus.small.id, quantity: 3 }] },
      { key, url: down.url },
    )
    expect({
      retried: [retried.status, retried.body.data?.orderId],
      otherBody: [otherBody.status, otherBody.body.error?.code],
    }).toEqual({ retried: [201, first.body.data.orderId], otherBody: [422, 'COMMON-422-001'] })
  })
})
