import { describe, expect, test } from 'bun:test'
import { waitForOutboxEvent } from '@commerce/platform/testing'
import { call, catalogAndAuth, tokenFor } from './fixture'
import { insertProduct, storedPrices } from './pricing-fixture'

const ctx = catalogAndAuth()
const hourFromNow = () => new Date(Date.now() + 3_600_000).toISOString()

const addDiscount = (productId: number, body: Record<string, unknown>) =>
  call(`${ctx.catalog.url}/api/products/${productId}/discounts`, { method: 'POST', token: ctx.admin, body })

describe('discount policies', () => {
  test('when a RATE discount is added, then product and SKUs sell at the rate and each SKU publishes a price change', async () => {
    const { productId, skuIds } = await insertProduct(ctx.catalog.deps.db, { price: 10_000, surcharges: [0, 3_000] })

    const added = await addDiscount(productId, { name: 'spring', discountType: 'RATE', discountValue: 10 })

    expect(added.status).toBe(201)
    expect(added.body.data).toEqual({
      id: expect.any(Number),
      productId,
      name: 'spring',
      discountType: 'RATE',
      discountValue: 10,
      startAt: null,
      endAt: null,
      active: true,
      createdAt: expect.any(String),
    })
    expect(await storedPrices(ctx.catalog.deps.db, productId)).toEqual({
      sellingPrice: 9_000,
      discountRate: 10,
      skus: [9_000, 11_700],
    })
    const event = await waitForOutboxEvent(
      ctx.catalog.deps.db,
      'product.price.changed',
      (e) => (e.data as { skuId: number }).skuId === skuIds[1],
    )
    expect(event.data).toEqual({
      skuId: skuIds[1],
      productId,
      previousPrice: 13_000,
      newPrice: 11_700,
      reason: 'DISCOUNT_APPLIED',
      changedAt: expect.any(String),
    })
  })

  test('when several discounts are active, then the one taking the most off wins and AMOUNT is capped at the price', async () => {
    const { productId } = await insertProduct(ctx.catalog.deps.db, { price: 5_000, surcharges: [0, 1_000] })

    await addDiscount(productId, { name: 'small', discountType: 'RATE', discountValue: 20 })
    await addDiscount(productId, { name: 'huge', discountType: 'AMOUNT', discountValue: 7_000 })
    await addDiscount(productId, { name: 'later', discountType: 'RATE', discountValue: 90, startAt: hourFromNow() })

    expect(await storedPrices(ctx.catalog.deps.db, productId)).toEqual({
      sellingPrice: 0,
      discountRate: 100,
      skus: [0, 0],
    })
  })

  test('when the best discount is deleted, then the next best applies and the list shows only live ones', async () => {
    const { productId } = await insertProduct(ctx.catalog.deps.db, { price: 10_000, surcharges: [0] })
    await addDiscount(productId, { name: 'keep', discountType: 'AMOUNT', discountValue: 500 })
    const best = await addDiscount(productId, { name: 'drop', discountType: 'RATE', discountValue: 30 })

    const deleted = await call(`${ctx.catalog.url}/api/products/${productId}/discounts/${best.body.data.id}`, {
      method: 'DELETE',
      token: ctx.admin,
    })

    const listed = await call(`${ctx.catalog.url}/api/products/${productId}/discounts`)
    expect({
      status: deleted.status,
      names: listed.body.data.map((d: { name: string }) => d.name),
      prices: await storedPrices(ctx.catalog.deps.db, productId),
    }).toEqual({ status: 204, names: ['keep'], prices: { sellingPrice: 9_500, discountRate: 5, skus: [9_500] } })
  })

  test('when the input is bad, then 400 with a code and nothing is stored', async () => {
    const { productId } = await insertProduct(ctx.catalog.deps.db, { price: 10_000, surcharges: [0] })
    const bodies = [
      { name: 'over', discountType: 'RATE', discountValue: 101 },
      { name: 'zero', discountType: 'AMOUNT', discountValue: 0 },
      { name: 'kind', discountType: 'PERCENT', discountValue: 5 },
      { name: '', discountType: 'RATE', discountValue: 5 },
      { name: 'huge', discountType: 'AMOUNT', discountValue: 1e30 },
      {
        name: 'window',
        discountType: 'RATE',
        discountValue: 5,
        startAt: hourFromNow(),
        endAt: new Date().toISOString(),
      },
      { name: 'date', discountType: 'RATE', discountValue: 5, startAt: 'yesterday' },
      { name: 'ancient', discountType: 'RATE', discountValue: 5, startAt: '0001-01-01T00:00:00Z' },
    ]

    const answers = await Promise.all(bodies.map((body) => addDiscount(productId, body)))

    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual(bodies.map(() => [400, 'COMMON-400-004']))
    expect((await call(`${ctx.catalog.url}/api/products/${productId}/discounts`)).body.data).toEqual([])
  })

  test('when the product or discount is unknown, then 404 with its code', async () => {
    const { productId } = await insertProduct(ctx.catalog.deps.db, { price: 10_000, surcharges: [0] })
    const unknownProduct = 9_007_199_254_740_000

    const answers = await Promise.all([
      addDiscount(unknownProduct, { name: 'x', discountType: 'RATE', discountValue: 5 }),
      call(`${ctx.catalog.url}/api/products/${unknownProduct}/discounts`),
      call(`${ctx.catalog.url}/api/products/${productId}/discounts/${unknownProduct}`, {
        method: 'DELETE',
        token: ctx.admin,
      }),
    ])

    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [404, 'CATALOG-404-001'],
      [404, 'CATALOG-404-001'],
      [404, 'CATALOG-404-009'],
    ])
  })

  test('when the caller is anonymous or not an admin, then a write is refused with 401 or 403', async () => {
    const { productId } = await insertProduct(ctx.catalog.deps.db, { price: 10_000, surcharges: [0] })
    const member = await tokenFor(ctx.auth.url, ['USER'])
    const body = { name: 'x', discountType: 'RATE', discountValue: 5 }

    const answers = await Promise.all([
      call(`${ctx.catalog.url}/api/products/${productId}/discounts`, { method: 'POST', body }),
      call(`${ctx.catalog.url}/api/products/${productId}/discounts`, { method: 'POST', body, token: member }),
    ])

    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [401, 'COMMON-401-001'],
      [403, 'COMMON-403'],
    ])
  })

  test('when the body carries unknown fields, then they set nothing', async () => {
    const { productId } = await insertProduct(ctx.catalog.deps.db, { price: 10_000, surcharges: [0] })
    const other = await insertProduct(ctx.catalog.deps.db, { price: 10_000, surcharges: [0] })
    const sneaky = {
      id: 1,
      productId: other.productId,
      deletedAt: new Date().toISOString(),
      createdAt: '2001-01-01T00:00:00Z',
    }

    const added = await addDiscount(productId, { name: 'plain', discountType: 'AMOUNT', discountValue: 100, ...sneaky })

    const listed = await call(`${ctx.catalog.url}/api/products/${productId}/discounts`)
    expect({ status: added.status, listed: listed.body.data }).toEqual({ status: 201, listed: [added.body.data] })
    expect(added.body.data.id === 1 || added.body.data.createdAt.startsWith('2001')).toBe(false)
  })
})
