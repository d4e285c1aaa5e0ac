import { describe, expect, test } from 'bun:test'
import { freshName } from '@commerce/platform/testing'
import { adminActor, registerBuyer } from '../src/actors'
import { createActiveProduct } from '../src/catalog'
import { codeOf, dataOf, type Reply } from '../src/client'
import { freshClientAddress, throughGateway } from '../src/front-door'
import { placedOrder } from '../src/orders'
import { stockedShelf } from '../src/saga'

// SQL and NoSQL-style payloads, sort clauses that try to append SQL, unknown sort fields, LIKE wildcards.
const payloads = [
  "' OR 1=1 --",
  '" OR ""="',
  '1 OR 1=1',
  '{"$gt":""}',
  '{"$ne":null}',
  '1;DROP TABLE products',
  '1 UNION SELECT password_hash FROM credentials',
  "1' AND SLEEP(3)--",
  'id desc; DELETE FROM orders',
  'price_asc, (select 1)',
  'id',
  'unknownField',
  '%',
  '_',
  '\\',
  '-1',
  '99999999999999999999999',
]

/** Every list endpoint with its filter, sort and paging parameters, and who may call it. */
const listEndpoints: { path: string; params: string[]; as: 'anyone' | 'buyer' | 'admin' }[] = [
  {
    path: '/api/products',
    params: ['sort', 'keyword', 'categoryId', 'brandId', 'minPrice', 'maxPrice', 'page', 'size'],
    as: 'anyone',
  },
  { path: '/api/categories', params: ['parentId'], as: 'anyone' },
  { path: '/api/categories/1/attributes', params: ['includeInherited'], as: 'anyone' },
  { path: '/api/orders', params: ['page', 'size'], as: 'buyer' },
  { path: '/api/orders/needs-attention', params: ['page', 'size'], as: 'admin' },
  { path: '/api/users', params: ['page', 'size'], as: 'admin' },
  { path: '/api/inventories/logs', params: ['skuId', 'from', 'to'], as: 'admin' },
  { path: '/api/inventories/1/ledger', params: ['page', 'size'], as: 'admin' },
]

/** A refusal is a 4xx with a code; anything else must be a 200 (whose rows the caller checks). */
const verdict = (reply: Reply) =>
  reply.status === 200 ? 'ok' : reply.status < 500 && codeOf(reply) ? 'refused with a code' : `${reply.status}`

describe('attacks: injection', () => {
  test('when SQL or NoSQL payloads go into every filter, sort and paging parameter of every list, then each answer is a 4xx with a code or a normal 200, never a 5xx', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const token = (as: string) => (as === 'admin' ? admin.token : as === 'buyer' ? buyer.token : undefined)
    const verdicts: (readonly [string, string])[] = []
    // One parameter at a time, its payloads at once: a few hundred requests without flooding a shared stack.
    for (const { path, params, as } of listEndpoints) {
      for (const param of params) {
        const urls = payloads.map((payload) => `${path}?${param}=${encodeURIComponent(payload)}`)
        const replies = await Promise.all(urls.map((url) => throughGateway(url, { token: token(as) })))
        verdicts.push(...replies.map((reply, n) => [urls[n] ?? '', verdict(reply)] as const))
      }
    }
    const probed = listEndpoints.reduce((n, e) => n + e.params.length * payloads.length, 0)

    const unexpected = verdicts.filter(([, v]) => v !== 'ok' && v !== 'refused with a code')
    expect({ probed: verdicts.length, unexpected }).toEqual({ probed, unexpected: [] })
  })

  test('when a keyword carries SQL, wildcards or NoSQL operators, then only products whose text holds it literally come back', async () => {
    const admin = await adminActor()
    const marker = freshName('inject').replace(/[^a-z0-9]/gi, '')
    await createActiveProduct(admin, { price: 1_000, skuCount: 1, name: `${marker} plain` })
    await createActiveProduct(admin, { price: 1_000, skuCount: 1, name: `${marker} 100% cotton_blend` })
    const hits = async (keyword: string) => {
      const url = `/api/products?size=100&keyword=${encodeURIComponent(keyword)}`
      const reply = await throughGateway(url)
      return dataOf<{ items: { name: string }[] }>(reply, 200, `products by ${keyword}`)
        .items.map((p) => p.name)
        .sort()
    }

    expect({
      marker: await hits(marker),
      orTrue: await hits(`${marker}' OR 1=1 -- `),
      orTrueQuoted: await hits(`${marker}" OR ""="`),
      percent: await hits(`${marker} %`),
      literalPercent: await hits('100% cotton'),
      underscore: await hits(`${marker}_`),
      literalUnderscore: await hits(`${marker} 100% cotton_`),
      noSql: await hits(`{"$gt":"${marker}"}`),
    }).toEqual({
      marker: [`${marker} 100% cotton_blend`, `${marker} plain`],
      orTrue: [],
      orTrueQuoted: [],
      percent: [],
      literalPercent: expect.arrayContaining([`${marker} 100% cotton_blend`]),
      underscore: [],
      literalUnderscore: [`${marker} 100% cotton_blend`],
      noSql: [],
    })
  })

  test("when a buyer's order list gets payloads in its paging, or filters that name another user, then only the buyer's own orders ever come back", async () => {
    const [admin, buyer, other] = await Promise.all([adminActor(), registerBuyer(), registerBuyer()])
    const shelf = await stockedShelf(admin, [4])
    const line = { skuId: shelf.skus[0]?.skuId ?? 0, quantity: 1 }
    const [own, theirs] = await Promise.all([placedOrder(buyer, [line]), placedOrder(other, [line])])
    const queries = [
      'page=0&size=100',
      ...payloads.flatMap((p) => [`page=${encodeURIComponent(`0${p}`)}`, `size=${encodeURIComponent(`100${p}`)}`]),
      ...['userId', 'user_id', 'memberId', 'orderId', 'id'].map(
        (field) => `page=0&size=100&${field}=${theirs.orderId}`,
      ),
      `page=0&size=100&userId=${other.userId}&userId[$ne]=0`,
    ]

    const seen = new Set<number>()
    const verdicts = new Set<string>()
    for (const query of queries) {
      const reply = await throughGateway(`/api/orders?${query}`, { token: buyer.token })
      verdicts.add(verdict(reply))
      if (reply.status === 200) for (const o of reply.body.data.items as { orderId: number }[]) seen.add(o.orderId)
    }

    expect({ seen: [...seen], verdicts: [...verdicts].sort() }).toEqual({
      seen: [own.orderId],
      verdicts: ['ok', 'refused with a code'],
    })
  })

  test('when JSON bodies carry operator objects instead of values (login, stock bulk read), then 400 with a code', async () => {
    const buyer = await registerBuyer()
    const operator = { $gt: '' }

    const login = await throughGateway('/api/auth/login', {
      method: 'POST',
      body: { email: buyer.email, password: operator },
      from: freshClientAddress(),
    })
    const loginBothOperators = await throughGateway('/api/auth/login', {
      method: 'POST',
      body: { email: { $ne: null }, password: { $ne: null } },
      from: freshClientAddress(),
    })
    const bulk = await throughGateway('/api/inventories/bulk', { method: 'POST', body: { skuIds: operator } })
    const bulkInside = await throughGateway('/api/inventories/bulk', { method: 'POST', body: { skuIds: [operator] } })

    expect([login, loginBothOperators, bulk, bulkInside].map((r) => `${r.status} ${codeOf(r)}`)).toEqual(
      Array(4).fill('400 COMMON-400-004'),
    )
  })
})
