import { describe, expect, test } from 'bun:test'
import { freshName } from '@commerce/platform/testing'
import { and, eq } from 'drizzle-orm'
import { outbox } from '../../src/db/schema'
import { address, call, memberToken, orderOverHttp, stack, startOrder } from './fixture'

describe('carts and shipping addresses over HTTP', () => {
  const ctx = orderOverHttp(10_000)
  const cart = (token: string) => call(`${ctx.url}/api/carts/me`, { token })
  const add = (token: string, body: unknown, key?: string) =>
    call(`${ctx.url}/api/carts/me/items`, { method: 'POST', token, body, ...(key ? { key } : {}) })

  test('when a member with no cart looks, then cartId is 0 and no items', async () => {
    const token = await memberToken()
    expect((await cart(token)).body.data).toEqual({ cartId: 0, items: [] })
  })

  test('when the same SKU is added twice (and once more with a replayed key), then one line with the quantities added', async () => {
    const token = await memberToken()
    const { small } = ctx.skus
    const key = crypto.randomUUID()
    await add(token, { skuId: small.id, quantity: 1 }, key)
    await add(token, { skuId: small.id, quantity: 1 }, key)
    await add(token, { skuId: small.id, quantity: 2 })

    const seen = (await cart(token)).body.data
    expect(seen.items.map((i: { skuId: number; quantity: number }) => [i.skuId, i.quantity])).toEqual([[small.id, 3]])
  })

  test("when a line is changed or removed by its owner, then it changes; someone else's line is 404 CART-404-002", async () => {
    const [token, other] = [await memberToken(), await memberToken()]
    const line = (await add(token, { skuId: ctx.skus.small.id, quantity: 1 })).body.data.cartItemId
    const theirs = await call(`${ctx.url}/api/carts/me/items/${line}`, {
      method: 'PATCH',
      token: other,
      body: { quantity: 5 },
    })
    const patched = await call(`${ctx.url}/api/carts/me/items/${line}`, {
      method: 'PATCH',
      token,
      body: { quantity: 5 },
    })
    const deletedByOther = await call(`${ctx.url}/api/carts/me/items/${line}`, { method: 'DELETE', token: other })
    const afterPatch = (await cart(token)).body.data.items
    const deleted = await call(`${ctx.url}/api/carts/me/items/${line}`, { method: 'DELETE', token })

    expect({
      theirs: [theirs.status, theirs.body.error.code],
      patched: [patched.status, patched.body.data.quantity],
      deletedByOther: deletedByOther.status,
      afterPatch: afterPatch.map((i: { quantity: number }) => i.quantity),
      deleted: deleted.status,
      after: (await cart(token)).body.data.items,
    }).toEqual({
      theirs: [404, 'CART-404-002'],
      patched: [200, 5],
      deletedByOther: 404,
      afterPatch: [5],
      deleted: 200,
      after: [],
    })
  })

  test('when a member checks out the cart, then one order holds its lines and the cart is empty', async () => {
    const token = await memberToken()
    const { small, large } = ctx.skus
    await add(token, { skuId: small.id, quantity: 1 })
    await add(token, { skuId: large.id, quantity: 2 })

    const key = crypto.randomUUID()
    const placed = await call(`${ctx.url}/api/carts/me/checkout`, {
      method: 'POST',
      token,
      body: { shippingAddress: address },
      key,
    })
    // The same checkout retried with its key: the order it made, not "the cart is empty".
    const retried = await call(`${ctx.url}/api/carts/me/checkout`, {
      method: 'POST',
      token,
      body: { shippingAddress: address },
      key,
    })
    const emptyAgain = await call(`${ctx.url}/api/carts/me/checkout`, {
      method: 'POST',
      token,
      body: { shippingAddress: address },
    })
    const detail = await call(`${ctx.url}/api/orders/${placed.body.data.orderId}`, { token })

    expect({
      placed: [placed.status, placed.body.data.status, placed.body.data.totalAmount],
      retried: [retried.status, retried.body.data?.orderId],
      lines: detail.body.data.items.map((i: { skuId: number; quantity: number }) => [i.skuId, i.quantity]),
      cart: (await cart(token)).body.data.items,
      emptyAgain: [emptyAgain.status, emptyAgain.body.error.code],
    }).toEqual({
      // 10 000 + 2 × 11 000 = 32 000, + 3 000 shipping.
      placed: [201, 'CREATED', 35_000],
      retried: [201, placed.body.data.orderId],
      lines: [
        [small.id, 1],
        [large.id, 2],
      ],
      cart: [],
      emptyAgain: [400, 'CART-400-001'],
    })
  })

  test('when a member clears the cart, then it is empty; with no cart at all, 404 CART-404-001', async () => {
    const [token, fresh] = [await memberToken(), await memberToken()]
    await add(token, { skuId: ctx.skus.small.id, quantity: 1 })
    const cleared = await call(`${ctx.url}/api/carts/me/items`, { method: 'DELETE', token })
    const none = await call(`${ctx.url}/api/carts/me/items`, { method: 'DELETE', token: fresh })
    expect([cleared.status, (await cart(token)).body.data.items, none.status, none.body.error.code]).toEqual([
      200,
      [],
      404,
      'CART-404-001',
    ])
  })

  test("when an order names one of the member's addresses, then its snapshot ships; unknown → 422 ORDER-422-004; user down → 503 ORDER-503-003", async () => {
    const email = `${freshName('buyer')}@example.com`.toLowerCase()
    const password = 'Buyer-pass-1234'
    const registered = await call(`${stack.user}/api/users/register`, {
      method: 'POST',
      body: { email, password, name: 'Buyer' },
    })
    expect(registered.status).toBe(201)
    const login = await call(`${stack.auth}/api/auth/login`, { method: 'POST', body: { email, password } })
    const token = login.body.data.accessToken as string
    const saved = await call(`${stack.user}/api/users/me/addresses`, {
      method: 'POST',
      token,
      body: { label: 'home', ...address, isDefault: true },
    })
    const order = (shippingAddressId: number, url = ctx.url) =>
      call(`${url}/api/orders`, {
        method: 'POST',
        token,
        body: { items: [{ skuId: ctx.skus.small.id, quantity: 1 }], shippingAddressId },
      })

    const placed = await order(saved.body.data.id)
    const unknown = await order(9_007_199_254_740_000)
    await using userDown = await startOrder({ consumers: false, env: { USER_URL: 'http://127.0.0.1:9' } })
    const down = await order(saved.body.data.id, userDown.url)

    const detail = await call(`${ctx.url}/api/orders/${placed.body.data.orderId}`, { token })
    const [event] = await ctx.order.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.aggregateId, String(placed.body.data.orderId)), eq(outbox.type, 'order.placed')))
    expect({
      placed: placed.status,
      shippingAddress: detail.body.data.shippingAddress,
      userId: JSON.parse(event?.payload ?? '{}').data.userId,
      unknown: [unknown.status, unknown.body.error.code],
      down: [down.status, down.body.error.code],
    }).toEqual({
      placed: 201,
      shippingAddress: address,
      userId: registered.body.data.id,
      unknown: [422, 'ORDER-422-004'],
      down: [503, 'ORDER-503-003'],
    })
  })
})
