import { describe, expect, test } from 'bun:test'
import { freshName, waitForOutboxEvent } from '@commerce/platform/testing'
import { eq } from 'drizzle-orm'
import { products } from '../../src/db/schema'
import { generationKey } from '../../src/use-cases/read-cache'
import { call, catalogAndAuth, createCategory, createProduct } from './fixture'

const ctx = catalogAndAuth()

const shirt = () => ({
  name: freshName('shirt'),
  price: 10_000,
  optionGroups: [
    {
      name: '색상',
      options: [
        { name: '블랙', additionalPrice: 1000 },
        { name: '화이트', additionalPrice: 0 },
      ],
    },
    {
      name: '사이즈',
      options: [
        { name: 'M', additionalPrice: 0 },
        { name: 'L', additionalPrice: 2000 },
      ],
    },
  ],
})

const group = (name: string, count: number) => ({
  name,
  options: Array.from({ length: count }, (_, i) => ({ name: `o${i}`, additionalPrice: 0 })),
})

const skuSummary = (skus: { optionValues: unknown; price: number; sellingPrice: number; status: string }[]) =>
  skus.map(({ optionValues, price, sellingPrice, status }) => ({ optionValues, price, sellingPrice, status }))

describe('POST /api/products', () => {
  test('when an admin creates a product with two option groups, then it is DRAFT with four priced SKUs', async () => {
    const product = await createProduct(ctx, shirt())
    expect([product.status, product.sellingPrice, product.productCode]).toEqual([
      'DRAFT',
      10_000,
      expect.stringMatching(/^PRD-\d{8}-[0-9A-F]{4}$/),
    ])
    expect(skuSummary(product.skus)).toEqual([
      { optionValues: { 사이즈: 'M', 색상: '블랙' }, price: 11_000, sellingPrice: 11_000, status: 'ACTIVE' },
      { optionValues: { 사이즈: 'L', 색상: '블랙' }, price: 13_000, sellingPrice: 13_000, status: 'ACTIVE' },
      { optionValues: { 사이즈: 'M', 색상: '화이트' }, price: 10_000, sellingPrice: 10_000, status: 'ACTIVE' },
      { optionValues: { 사이즈: 'L', 색상: '화이트' }, price: 12_000, sellingPrice: 12_000, status: 'ACTIVE' },
    ])
    expect(product.skus[0].skuCode).toStartWith(`${product.productCode}-M-블랙-`)
  })

  test('when a product is created, then product.sku.created per SKU (quantity 0) and product.changed are in the outbox', async () => {
    const product = await createProduct(ctx, shirt())
    const db = ctx.catalog.deps.db
    const created = await Promise.all(
      product.skus.map((sku: { id: number }) =>
        waitForOutboxEvent(db, 'product.sku.created', (e) => (e.data as { skuId: number }).skuId === sku.id),
      ),
    )
    expect(created.map((e) => (e.data as { initialQuantity: number }).initialQuantity)).toEqual([0, 0, 0, 0])
    const changed = await waitForOutboxEvent(
      db,
      'product.changed',
      (e) => (e.data as { productId: number }).productId === product.id,
    )
    expect(changed.data).toMatchObject({ productId: product.id, status: 'DRAFT', price: 10_000, sellingPrice: 10_000 })
  })

  test('when a product has no options, then it gets one SKU at the base price', async () => {
    const product = await createProduct(ctx, { name: freshName('mug'), price: 5_000 })
    expect(skuSummary(product.skus)).toEqual([
      { optionValues: {}, price: 5_000, sellingPrice: 5_000, status: 'ACTIVE' },
    ])
  })

  test('when the product is in a category, then its code starts with the category code', async () => {
    const category = await createCategory(ctx, { name: freshName('Outer') })
    const product = await createProduct(ctx, { name: freshName('coat'), price: 1, categoryId: category.id })
    expect(product.productCode.slice(0, 5)).toBe(`${category.code.slice(0, 4).toUpperCase()}-`)
  })

  test('when option limits are exceeded, then 400 CATALOG-400-001 and nothing is created', async () => {
    const bodies = [
      [1, 2, 3, 4, 5, 6].map((i) => group(`g${i}`, 1)),
      [group('big', 21)],
      [group('a', 10), group('b', 10), group('c', 6)],
    ]
    const answers = await Promise.all(
      bodies.map((optionGroups) =>
        call(`${ctx.url}/api/products`, {
          method: 'POST',
          token: ctx.admin,
          body: { name: 'x', price: 1, optionGroups },
        }),
      ),
    )
    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [400, 'CATALOG-400-001'],
      [400, 'CATALOG-400-001'],
      [400, 'CATALOG-400-001'],
    ])
  })

  test('when 500 SKUs are asked for, then they are all created', async () => {
    const optionGroups = [group('a', 20), group('b', 5), group('c', 5)]
    const product = await createProduct(ctx, { name: freshName('many'), price: 1, optionGroups })
    expect(product.skus.length).toBe(500)
  })

  test('when the category or brand is unknown, then 404 with its CATALOG code', async () => {
    const post = (body: object) =>
      call(`${ctx.url}/api/products`, { method: 'POST', token: ctx.admin, body: { name: 'x', price: 1, ...body } })
    const answers = await Promise.all([post({ categoryId: 9_999_999_999 }), post({ brandId: 9_999_999_999 })])
    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [404, 'CATALOG-404-002'],
      [404, 'CATALOG-404-005'],
    ])
  })

  test('when the caller is not an admin, then 401 without a token and 403 with a member token', async () => {
    const body = { name: 'x', price: 1 }
    const answers = await Promise.all([
      call(`${ctx.url}/api/products`, { method: 'POST', body }),
      call(`${ctx.url}/api/products`, { method: 'POST', body, token: ctx.member }),
    ])
    expect(answers.map((a) => a.status)).toEqual([401, 403])
  })

  test('when a create is retried with the same Idempotency-Key, then one product exists and the answer replays', async () => {
    const request = {
      method: 'POST',
      body: { name: freshName('once'), price: 100 },
      token: ctx.admin,
      key: freshName('k'),
    }
    const first = await call(`${ctx.url}/api/products`, request)
    const second = await call(`${ctx.url}/api/products`, request)
    const rows = await ctx.catalog.deps.db.select().from(products).where(eq(products.name, request.body.name))
    expect([first.status, second.status, second.body.data.id, rows.length]).toEqual([201, 201, first.body.data.id, 1])
  })

  test('when the body carries a status or an id, then they are ignored and the product is DRAFT', async () => {
    const product = await createProduct(ctx, { name: freshName('sneaky'), price: 1, status: 'ACTIVE', id: 1 })
    expect([product.status, product.id === 1]).toEqual(['DRAFT', false])
  })
})

describe('read caches', () => {
  test('when a product write is acknowledged, then the read-cache generation has already moved', async () => {
    const before = Number((await ctx.catalog.deps.redis.get(generationKey)) ?? 0)
    await createProduct(ctx, { name: freshName('p'), price: 1 })
    expect(Number(await ctx.catalog.deps.redis.get(generationKey))).toBeGreaterThan(before)
  })
})

describe('product attribute values', () => {
  test('when values of each type are put, then bad ones are 400, unknown attributes 404 and good ones replace all', async () => {
    const category = await createCategory(ctx, { name: freshName('attrs') })
    const add = async (body: object) =>
      (await call(`${ctx.url}/api/categories/${category.id}/attributes`, { method: 'POST', body, token: ctx.admin }))
        .body.data.id
    const weight = await add({ name: 'weight', type: 'NUMBER' })
    const washable = await add({ name: 'washable', type: 'BOOLEAN' })
    const fit = await add({ name: 'fit', type: 'ENUM', options: ['slim', 'regular'] })
    const product = await createProduct(ctx, { name: freshName('p'), price: 1, categoryId: category.id })
    const put = (attributes: object[]) =>
      call(`${ctx.url}/api/products/${product.id}/attributes`, {
        method: 'PUT',
        body: { attributes },
        token: ctx.admin,
      })
    const bad = await Promise.all([
      put([{ attributeId: weight, value: '12kg' }]),
      put([{ attributeId: washable, value: 'yes' }]),
      put([{ attributeId: fit, value: 'baggy' }]),
      put([{ attributeId: 9_999_999_999, value: 'x' }]),
    ])
    expect(bad.map((a) => [a.status, a.body.error.code])).toEqual([
      [400, 'CATALOG-400-003'],
      [400, 'CATALOG-400-003'],
      [400, 'CATALOG-400-003'],
      [404, 'CATALOG-404-008'],
    ])
    await put([{ attributeId: weight, value: '1' }])
    const good = await put([
      { attributeId: weight, value: '1.5' },
      { attributeId: washable, value: 'true' },
      { attributeId: fit, value: 'slim' },
    ])
    const read = await call(`${ctx.url}/api/products/${product.id}/attributes`)
    const values = read.body.data.map((v: { attributeName: string; type: string; value: string }) => [
      v.attributeName,
      v.type,
      v.value,
    ])
    expect([good.status, values]).toEqual([
      200,
      [
        ['weight', 'NUMBER', '1.5'],
        ['washable', 'BOOLEAN', 'true'],
        ['fit', 'ENUM', 'slim'],
      ],
    ])
  })
})
