import { describe, expect, test } from 'bun:test'
import { freshName, waitForOutboxEvent } from '@commerce/platform/testing'
import { eq } from 'drizzle-orm'
import { products } from '../../src/db/schema'
import { call, catalogAndAuth, createProduct } from './fixture'

const ctx = catalogAndAuth()

const setStatus = (id: number, status: string) =>
  call(`${ctx.url}/api/products/${id}/status`, { method: 'PATCH', body: { status }, token: ctx.admin })

const statusOf = async (id: number) =>
  (await ctx.catalog.deps.db.select().from(products).where(eq(products.id, id)))[0]?.status

describe('PATCH /api/products/{id}/status', () => {
  test('when a product goes DRAFT → ACTIVE → SUSPENDED → ACTIVE → DELETED, then each step is accepted', async () => {
    const { id } = await createProduct(ctx, { name: freshName('p'), price: 100 })
    const steps = []
    for (const status of ['ACTIVE', 'SUSPENDED', 'ACTIVE', 'DELETED']) steps.push((await setStatus(id, status)).status)
    expect([steps, await statusOf(id)]).toEqual([[200, 200, 200, 200], 'DELETED'])
  })

  test('when a transition is illegal, then 400 CATALOG-400-006 and the status stays', async () => {
    const { id } = await createProduct(ctx, { name: freshName('p'), price: 100 })
    const draftToSuspended = await setStatus(id, 'SUSPENDED')
    await setStatus(id, 'DELETED')
    const deletedToActive = await setStatus(id, 'ACTIVE')
    expect([draftToSuspended, deletedToActive].map((a) => [a.status, a.body.error.code])).toEqual([
      [400, 'CATALOG-400-006'],
      [400, 'CATALOG-400-006'],
    ])
  })

  test('when a product with price 0 is activated, then 400 CATALOG-400-007', async () => {
    const { id } = await createProduct(ctx, { name: freshName('free'), price: 0 })
    const answer = await setStatus(id, 'ACTIVE')
    expect([answer.status, answer.body.error.code, await statusOf(id)]).toEqual([400, 'CATALOG-400-007', 'DRAFT'])
  })

  test('when the status is not one of the four, then 400 and unknown product is 404 CATALOG-404-001', async () => {
    const { id } = await createProduct(ctx, { name: freshName('p'), price: 100 })
    const answers = [await setStatus(id, 'INACTIVE'), await setStatus(9_999_999_999, 'ACTIVE')]
    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [400, 'COMMON-400-004'],
      [404, 'CATALOG-404-001'],
    ])
  })
})

describe('PUT and DELETE /api/products/{id}', () => {
  test('when the base price changes, then every SKU price moves to base + surcharges and product.changed says so', async () => {
    const optionGroups = [
      {
        name: 'size',
        options: [
          { name: 'S', additionalPrice: 0 },
          { name: 'L', additionalPrice: 500 },
        ],
      },
    ]
    const { id } = await createProduct(ctx, { name: freshName('p'), price: 1000, optionGroups })
    const answer = await call(`${ctx.url}/api/products/${id}`, {
      method: 'PUT',
      body: { price: 3000, description: 'new' },
      token: ctx.admin,
    })
    const skus = answer.body.data.skus.map((s: { price: number; sellingPrice: number }) => [s.price, s.sellingPrice])
    expect([answer.status, answer.body.data.sellingPrice, answer.body.data.description, skus]).toEqual([
      200,
      3000,
      'new',
      [
        [3000, 3000],
        [3500, 3500],
      ],
    ])
    const event = await waitForOutboxEvent(
      ctx.catalog.deps.db,
      'product.changed',
      (e) =>
        (e.data as { productId: number; price: number }).productId === id &&
        (e.data as { price: number }).price === 3000,
    )
    expect(event.data).toMatchObject({ description: 'new', sellingPrice: 3000 })
  })

  test('when price changes race, then every SKU ends at the last base price + its surcharge', async () => {
    const optionGroups = [
      {
        name: 'size',
        options: [
          { name: 'S', additionalPrice: 0 },
          { name: 'L', additionalPrice: 500 },
        ],
      },
    ]
    const product = await createProduct(ctx, { name: freshName('p'), price: 1000, optionGroups })
    const put = (price: number) =>
      call(`${ctx.url}/api/products/${product.id}`, { method: 'PUT', body: { price }, token: ctx.admin })
    await Promise.all([2000, 3000, 4000, 5000, 6000].map(put))
    const [row] = await ctx.catalog.deps.db.select().from(products).where(eq(products.id, product.id))
    const ids = product.skus.map((s: { id: number }) => s.id).join(',')
    const read = await call(`${ctx.url}/internal/skus?ids=${ids}`)
    const prices = read.body.data.map((s: { price: number; sellingPrice: number }) => [s.price, s.sellingPrice])
    const base = row?.price ?? 0
    expect(prices).toEqual([
      [base, base],
      [base + 500, base + 500],
    ])
  })

  test('when an update body carries status, id or counters, then only the named fields change', async () => {
    const product = await createProduct(ctx, { name: freshName('p'), price: 100 })
    const body = { name: 'renamed', status: 'ACTIVE', id: 1, salesCount: 99, productCode: 'X' }
    const answer = await call(`${ctx.url}/api/products/${product.id}`, { method: 'PUT', body, token: ctx.admin })
    const [row] = await ctx.catalog.deps.db.select().from(products).where(eq(products.id, product.id))
    expect([answer.status, row?.name, row?.status, row?.salesCount, row?.productCode]).toEqual([
      200,
      'renamed',
      'DRAFT',
      0,
      product.productCode,
    ])
  })

  test('when a product is deleted, then 204, it is DELETED, a second delete is 204 and an update is 400', async () => {
    const { id } = await createProduct(ctx, { name: freshName('p'), price: 100 })
    const first = await call(`${ctx.url}/api/products/${id}`, { method: 'DELETE', token: ctx.admin })
    const again = await call(`${ctx.url}/api/products/${id}`, { method: 'DELETE', token: ctx.admin })
    const update = await call(`${ctx.url}/api/products/${id}`, { method: 'PUT', body: { name: 'x' }, token: ctx.admin })
    expect([first.status, again.status, update.status, update.body.error.code, await statusOf(id)]).toEqual([
      204,
      204,
      400,
      'CATALOG-400-005',
      'DELETED',
    ])
  })
})

describe('prices after product writes', () => {
  test('when the base price of a discounted product changes, then selling prices follow and product.price.changed says BASE_PRICE_CHANGED', async () => {
    const product = await createProduct(ctx, { name: freshName('p'), price: 1000 })
    const discount = { name: 'ten', discountType: 'RATE', discountValue: 10 }
    await call(`${ctx.url}/api/products/${product.id}/discounts`, { method: 'POST', body: discount, token: ctx.admin })
    const answer = await call(`${ctx.url}/api/products/${product.id}`, {
      method: 'PUT',
      body: { price: 2000 },
      token: ctx.admin,
    })
    const [sku] = answer.body.data.skus
    expect([answer.body.data.sellingPrice, answer.body.data.discountRate, sku.price, sku.sellingPrice]).toEqual([
      1800, 10, 2000, 1800,
    ])
    const event = await waitForOutboxEvent(
      ctx.catalog.deps.db,
      'product.price.changed',
      (e) =>
        (e.data as { skuId: number; newPrice: number }).skuId === sku.id &&
        (e.data as { newPrice: number }).newPrice === 1800,
    )
    expect(event.data).toMatchObject({ previousPrice: 900, reason: 'BASE_PRICE_CHANGED' })
  })
})

describe('reads after writes', () => {
  test('when an acknowledged write changes a product, then the next cached detail and list reads show it', async () => {
    const product = await createProduct(ctx, { name: freshName('cached'), price: 1000 })
    await setStatus(product.id, 'ACTIVE')
    const detail = () => call(`${ctx.url}/api/products/${product.id}`)
    const listed = async (name: string) =>
      (await call(`${ctx.url}/api/products?keyword=${encodeURIComponent(name)}`)).body.data.items.map(
        (p: { id: number; sellingPrice: number }) => [p.id, p.sellingPrice],
      )
    const before = [(await detail()).body.data.name, await listed(product.name)]
    const name = freshName('renamed')
    await call(`${ctx.url}/api/products/${product.id}`, {
      method: 'PUT',
      body: { name, price: 2000 },
      token: ctx.admin,
    })
    const after = [(await detail()).body.data.name, await listed(name)]
    expect([before, after]).toEqual([
      [product.name, [[product.id, 1000]]],
      [name, [[product.id, 2000]]],
    ])
  })
})
