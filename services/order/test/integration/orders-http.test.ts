import { describe, expect, test } from 'bun:test'
import { and, eq } from 'drizzle-orm'
import { orders, outbox } from '../../src/db/schema'
import type { OrderStatus } from '../../src/domain/order-status'
import { address, call, orderOverHttp } from './fixture'

// Reads, cancel and refund through HTTP (the order's consumers are off: only the test moves an order).

describe('orders over HTTP', () => {
  const ctx = orderOverHttp(10_000)
  const db = () => ctx.order.deps.db
  const place = async (token = ctx.member) => {
    const body = {
      items: [
        { skuId: ctx.skus.small.id, quantity: 2 },
        { skuId: ctx.skus.large.id, quantity: 1 },
      ],
      shippingAddress: address,
    }
    const answer = await call(`${ctx.url}/api/orders`, { method: 'POST', token, body })
    return answer.body.data.orderId as number
  }
  /** Arrange: the saga moved the order on (its consumers are tested on their own). */
  const setStatus = (orderId: number, status: OrderStatus) =>
    db().update(orders).set({ status }).where(eq(orders.id, orderId))
  const post = (path: string, options: { token?: string; body?: unknown; key?: string } = {}) =>
    call(`${ctx.url}${path}`, {
      method: 'POST',
      token: options.token ?? ctx.member,
      body: options.body ?? {},
      ...options,
    })
  const eventsOf = async (orderId: number, type: string) => {
    const rows = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.aggregateId, String(orderId)), eq(outbox.type, type)))
    return rows.map((r) => JSON.parse(r.payload).data)
  }
  const itemIdsOf = async (orderId: number) =>
    (await call(`${ctx.url}/api/orders/${orderId}`, { token: ctx.member })).body.data.items.map(
      (i: { itemId: number }) => i.itemId,
    ) as number[]

  test('when a member lists orders, then only their own come back, newest first, paged', async () => {
    const [first, second] = [await place(), await place()]
    await place(ctx.other)

    const page = await call(`${ctx.url}/api/orders?page=0&size=2`, { token: ctx.member })

    expect({
      ids: page.body.data.items.map((o: { orderId: number }) => o.orderId),
      size: page.body.data.size,
      atLeast: page.body.data.totalItems >= 2,
    }).toEqual({ ids: [second, first], size: 2, atLeast: true })
  })

  test("when someone reads, cancels or refunds another member's order, then 404 ORDER-404-001", async () => {
    const orderId = await place()
    const answers = [
      await call(`${ctx.url}/api/orders/${orderId}`, { token: ctx.other }),
      await post(`/api/orders/${orderId}/cancel`, { token: ctx.other }),
      await post(`/api/orders/${orderId}/refund`, { token: ctx.other }),
    ]
    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual(Array(3).fill([404, 'ORDER-404-001']))
  })

  test('when the id is not a number, is huge or unknown, then 400 or 404, never 500', async () => {
    const answers = await Promise.all(
      ['abc', '99999999999999999999999', '-1', '9007199254740000'].map((id) =>
        call(`${ctx.url}/api/orders/${id}`, { token: ctx.member }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 404])
  })

  test('when the owner cancels a CREATED order, then it is CANCELLED with history and order.cancelled; again is a no-op', async () => {
    const orderId = await place()
    const first = await post(`/api/orders/${orderId}/cancel`)
    const again = await post(`/api/orders/${orderId}/cancel`)
    const detail = await call(`${ctx.url}/api/orders/${orderId}`, { token: ctx.member })

    expect({
      answers: [first.status, first.body.data, again.status],
      history: detail.body.data.history.map((h: { from: string; to: string; reason: string }) => [
        h.from,
        h.to,
        h.reason,
      ]),
      cancelledAt: typeof detail.body.data.cancelledAt,
      events: await eventsOf(orderId, 'order.cancelled'),
    }).toEqual({
      answers: [200, { orderId, status: 'CANCELLED' }, 200],
      history: [
        [null, 'CREATED', null],
        ['CREATED', 'CANCELLED', 'USER_REQUEST'],
      ],
      cancelledAt: 'string',
      events: [
        {
          orderId,
          reason: 'USER_REQUEST',
          items: [
            { skuId: ctx.skus.small.id, quantity: 2 },
            { skuId: ctx.skus.large.id, quantity: 1 },
          ],
        },
      ],
    })
  })

  test('when the order is paid or further, then cancel is 409 ORDER-409-002', async () => {
    const orderId = await place()
    await setStatus(orderId, 'PAID')
    const answer = await post(`/api/orders/${orderId}/cancel`)
    expect([answer.status, answer.body.error.code]).toEqual([409, 'ORDER-409-002'])
  })

  test('when the owner refunds one item then the rest, then the amounts add up to the total and order.refund.requested says so', async () => {
    const orderId = await place()
    await setStatus(orderId, 'CONFIRMED')
    const [small, large] = await itemIdsOf(orderId)

    const one = await post(`/api/orders/${orderId}/refund`, { body: { itemIds: [small] } })
    const same = await post(`/api/orders/${orderId}/refund`, { body: { itemIds: [small] } })
    // No body at all: every item not refunded yet.
    const rest = await call(`${ctx.url}/api/orders/${orderId}/refund`, {
      method: 'POST',
      token: ctx.member,
      key: crypto.randomUUID(),
    })

    // 20 000 + 11 000 + 3 000 shipping = 34 000.
    expect({
      one: [one.status, one.body.data],
      same: [same.status, same.body.error.code],
      rest: [rest.status, rest.body.data],
      events: await eventsOf(orderId, 'order.refund.requested'),
    }).toEqual({
      one: [202, { orderId, refundAmount: 20_000, refundedItemIds: [small], orderStatus: 'CONFIRMED' }],
      same: [409, 'ORDER-409-007'],
      rest: [202, { orderId, refundAmount: 14_000, refundedItemIds: [large], orderStatus: 'CONFIRMED' }],
      events: [
        { orderId, userId: expect.any(Number), refundAmount: 20_000, refundedItemIds: [small] },
        { orderId, userId: expect.any(Number), refundAmount: 14_000, refundedItemIds: [large] },
      ],
    })
  })

  test('when a refund names an unknown item, or the order is not confirmed, then 404 / 409 with a code', async () => {
    const confirmed = await place()
    await setStatus(confirmed, 'CONFIRMED')
    const created = await place()
    const unknown = await post(`/api/orders/${confirmed}/refund`, { body: { itemIds: [9_007_199_254_740_000] } })
    const early = await post(`/api/orders/${created}/refund`)
    const bad = await post(`/api/orders/${confirmed}/refund`, { body: { itemIds: ['x'] } })
    expect([unknown, early, bad].map((a) => [a.status, a.body.error.code])).toEqual([
      [404, 'ORDER-404-002'],
      [409, 'ORDER-409-003'],
      [400, 'COMMON-400-004'],
    ])
  })

  test('when a refund is sent twice with one Idempotency-Key, then one refund is asked for and the answer is replayed', async () => {
    const orderId = await place()
    await setStatus(orderId, 'CONFIRMED')
    const key = crypto.randomUUID()
    const answers = await Promise.all([1, 2, 3].map(() => post(`/api/orders/${orderId}/refund`, { key })))
    expect({
      statuses: answers.map((a) => a.status),
      amounts: answers.map((a) => a.body.data.refundAmount),
      events: (await eventsOf(orderId, 'order.refund.requested')).length,
    }).toEqual({ statuses: [202, 202, 202], amounts: [34_000, 34_000, 34_000], events: 1 })
  })
})
