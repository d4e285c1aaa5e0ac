// The client's own behaviour against a stand-in HTTP server (Bun.serve) that answers like the services do: refresh on
// an expired token once, Idempotency-Key on creating calls, typed errors, paging. The real services are exercised by
// e2e/client-package.test.ts.
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ApiError, allPages, collectPages, createClient, result, unwrap } from './index'

interface Seen {
  method: string
  path: string
  authorization: string | null
  key: string | null
}

const seen: Seen[] = []
let refreshes = 0
let refreshAnswer: 'rotate' | 'refuse' = 'rotate'
// Which access token the stand-in accepts; any other Bearer token is "expired".
let valid = 'access-2'

const envelope = (data: unknown, status = 200) =>
  Response.json({ success: true, data, timestamp: new Date().toISOString() }, { status })
const refusal = (status: number, code: string) =>
  Response.json({ success: false, error: { code, message: code }, timestamp: new Date().toISOString() }, { status })

const server = Bun.serve({
  port: 0,
  hostname: '127.0.0.1',
  async fetch(request) {
    const url = new URL(request.url)
    const authorization = request.headers.get('authorization')
    seen.push({
      method: request.method,
      path: url.pathname,
      authorization,
      key: request.headers.get('idempotency-key'),
    })
    if (url.pathname === '/api/auth/login')
      return envelope({ accessToken: 'access-1', refreshToken: 'r-1', expiresIn: 60 })
    if (url.pathname === '/api/auth/refresh') {
      refreshes++
      if (refreshAnswer === 'refuse') return refusal(401, 'AUTH-401-002')
      return envelope({ accessToken: 'access-2', refreshToken: `r-${refreshes + 1}`, expiresIn: 60 })
    }
    if (url.pathname === '/api/products') {
      const page = Number(url.searchParams.get('page'))
      const size = Number(url.searchParams.get('size'))
      const all = Array.from({ length: 5 }, (_, i) => ({ id: i + 1 }))
      const items = all.slice(page * size, page * size + size)
      return envelope({ items, page, size, totalItems: all.length, totalPages: Math.ceil(all.length / size) })
    }
    if (authorization === 'Bearer garbage') return refusal(401, 'COMMON-401-001')
    if (authorization !== `Bearer ${valid}`) return refusal(401, 'COMMON-401-002')
    if (url.pathname === '/api/orders' && request.method === 'POST') return envelope({ orderId: 7 }, 201)
    if (url.pathname === '/api/orders/7') return envelope({ orderId: 7, status: 'CREATED' })
    return refusal(404, 'ORDER-404-001')
  },
})
afterAll(() => server.stop(true))

const baseUrl = `http://127.0.0.1:${server.port}`
const order = {
  items: [{ skuId: 1, quantity: 1 }],
  shippingAddress: { recipient: 'K', phone: '010-0000-0000', zipCode: '00000', address: 'A', addressDetail: 'B' },
}

async function loggedIn() {
  const client = createClient({ baseUrl })
  await client.session.login({ email: 'a@b.c', password: 'pw' })
  return client
}

beforeEach(() => {
  seen.length = 0
  refreshes = 0
  refreshAnswer = 'rotate'
  valid = 'access-2'
})

describe('session', () => {
  test('when the access token has expired, then the client refreshes once and sends the same request again', async () => {
    const client = await loggedIn()
    const placed = await unwrap(client.api.orders.post(order))
    expect(placed.orderId).toBe(7)
    expect(refreshes).toBe(1)
    const posts = seen.filter((s) => s.path === '/api/orders')
    expect(posts.map((s) => s.authorization)).toEqual(['Bearer access-1', 'Bearer access-2'])
    expect(posts[0]?.key).toBeTruthy()
    expect(posts[1]?.key).toBe(posts[0]?.key as string)
    expect(client.session.tokens?.refreshToken).toBe('r-2')
  })

  test('when the refreshed token is refused as well, then the client gives up with the 401 after one retry', async () => {
    valid = 'never-this-one'
    const client = await loggedIn()
    const answered = await result(client.api.orders({ id: 7 }).get())
    expect(answered).toMatchObject({ ok: false, status: 401, error: { code: 'COMMON-401-002' } })
    expect(refreshes).toBe(1)
    expect(seen.filter((s) => s.path === '/api/orders/7')).toHaveLength(2)
  })

  test('when the refresh is refused, then the tokens are forgotten and the 401 is surfaced without a retry', async () => {
    refreshAnswer = 'refuse'
    const client = await loggedIn()
    const error = await unwrap(client.api.orders({ id: 7 }).get()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 401, code: 'COMMON-401-002' })
    expect(client.session.loggedIn).toBe(false)
    expect(seen.filter((s) => s.path === '/api/orders/7')).toHaveLength(1)
  })

  test('when the token is invalid rather than expired, then the client does not refresh', async () => {
    const client = createClient({ baseUrl })
    client.session.use({ accessToken: 'garbage', refreshToken: 'r-1', expiresIn: 60 })
    const answered = await result(client.api.orders({ id: 7 }).get())
    expect(answered).toMatchObject({ ok: false, status: 401, error: { code: 'COMMON-401-001' } })
    expect(refreshes).toBe(0)
  })

  test('when several calls meet the expired token at once, then they share one refresh', async () => {
    const client = await loggedIn()
    const all = await Promise.all([1, 2, 3].map(() => unwrap(client.api.orders({ id: 7 }).get())))
    expect(all.map((o) => o.status)).toEqual(['CREATED', 'CREATED', 'CREATED'])
    expect(refreshes).toBe(1)
  })
})

describe('Idempotency-Key', () => {
  test('when a creating call has no key, then one is added; reads and session calls get none', async () => {
    const client = await loggedIn()
    valid = 'access-1'
    await unwrap(client.api.orders.post(order))
    await unwrap(client.api.orders({ id: 7 }).get())
    const keyOf = (method: string, path: string) => seen.find((s) => s.method === method && s.path === path)?.key
    expect(keyOf('POST', '/api/orders')).toMatch(/^[0-9a-f-]{36}$/)
    expect(keyOf('GET', '/api/orders/7')).toBeNull()
    expect(keyOf('POST', '/api/auth/login')).toBeNull()
  })

  test('when the caller gives a key, then it is sent unchanged', async () => {
    const client = await loggedIn()
    valid = 'access-1'
    await unwrap(client.api.orders.post(order, { headers: { 'idempotency-key': 'mine-1' } }))
    expect(seen.find((s) => s.path === '/api/orders')?.key).toBe('mine-1')
  })
})

describe('errors and paging', () => {
  test('when a call is refused, then result() gives the envelope error typed and unwrap() throws it', async () => {
    const client = await loggedIn()
    valid = 'access-1'
    const missing = await result(client.api.orders({ id: 8 }).get())
    expect(missing).toMatchObject({ ok: false, status: 404, error: { code: 'ORDER-404-001' } })
    expect(unwrap(client.api.orders({ id: 8 }).get())).rejects.toMatchObject({ status: 404, code: 'ORDER-404-001' })
  })

  test('when a list spans several pages, then allPages yields every item once, in order', async () => {
    const client = createClient({ baseUrl })
    const fetchPage = (page: { page: number; size: number }) =>
      client.api.products.get({ query: { ...page, sort: 'LATEST' } })
    const ids: number[] = []
    for await (const item of allPages(fetchPage, { size: 2 })) ids.push(item.id)
    expect(ids).toEqual([1, 2, 3, 4, 5])
    expect(seen.filter((s) => s.path === '/api/products')).toHaveLength(3)
    expect((await collectPages(fetchPage, { size: 10 })).map((p) => p.id)).toEqual([1, 2, 3, 4, 5])
  })
})
