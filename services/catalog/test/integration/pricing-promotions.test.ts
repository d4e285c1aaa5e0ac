import { describe, expect, test } from 'bun:test'
import { call, catalogAndAuth } from './fixture'
import { insertProduct, priceEvents, storedPrices } from './pricing-fixture'

const ctx = catalogAndAuth()
const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()

const addPromotion = (body: Record<string, unknown>) =>
  call(`${ctx.catalog.url}/api/promotions`, {
    method: 'POST',
    token: ctx.admin,
    body: { startAt: at(-1), endAt: at(60), type: 'CAMPAIGN', priority: 0, ...body },
  })

describe('promotions', () => {
  test('when a promotion is active, then it beats a better discount and SKUs lose the same amount', async () => {
    const { productId, skuIds } = await insertProduct(ctx.catalog.deps.db, { price: 10_000, surcharges: [0, 2_000] })
    await call(`${ctx.catalog.url}/api/products/${productId}/discounts`, {
      method: 'POST',
      token: ctx.admin,
      body: { name: 'half', discountType: 'RATE', discountValue: 50 },
    })

    const added = await addPromotion({ productId, discountPrice: 8_000, description: 'spring sale' })

    expect(added.status).toBe(201)
    expect({
      prices: await storedPrices(ctx.catalog.deps.db, productId),
      events: await priceEvents(ctx.catalog.deps.db, productId),
    }).toEqual({
      prices: { sellingPrice: 8_000, discountRate: 20, skus: [8_000, 10_000] },
      events: [
        [skuIds[0], 'DISCOUNT_APPLIED', 5_000],
        [skuIds[1], 'DISCOUNT_APPLIED', 6_000],
        [skuIds[0], 'PROMOTION_APPLIED', 8_000],
        [skuIds[1], 'PROMOTION_APPLIED', 10_000],
      ],
    })
  })

  test('when several promotions are active, then the lowest priority number wins, listed first, priced by it', async () => {
    const { productId } = await insertProduct(ctx.catalog.deps.db, { price: 10_000, surcharges: [0] })
    await addPromotion({ productId, discountPrice: 6_000, priority: 5, type: 'BRAND' })
    await addPromotion({ productId, discountPrice: 9_000, priority: 1, type: 'REGULAR' })
    await addPromotion({ productId, discountPrice: 1_000, priority: 0, startAt: at(30), endAt: at(60) })

    const listed = await call(`${ctx.catalog.url}/api/promotions/products/${productId}`)
    const price = await call(`${ctx.catalog.url}/api/promotions/products/${productId}/price`)

    expect({
      listed: listed.body.data.map((p: { priority: number; discountPrice: number }) => [p.priority, p.discountPrice]),
      price: price.body.data,
      stored: await storedPrices(ctx.catalog.deps.db, productId),
    }).toEqual({
      listed: [
        [1, 9_000],
        [5, 6_000],
      ],
      price: { productId, originalPrice: 10_000, discountPrice: 9_000, finalPrice: 9_000, hasActivePromotion: true },
      stored: { sellingPrice: 9_000, discountRate: 10, skus: [9_000] },
    })
  })

  test('when no promotion is active, then the price shows the discounted price without a promotion', async () => {
    const { productId } = await insertProduct(ctx.catalog.deps.db, { price: 10_000, surcharges: [0] })
    await call(`${ctx.catalog.url}/api/products/${productId}/discounts`, {
      method: 'POST',
      token: ctx.admin,
      body: { name: 'fixed', discountType: 'AMOUNT', discountValue: 1_500 },
    })

    const price = await call(`${ctx.catalog.url}/api/promotions/products/${productId}/price`)

    expect(price.body.data).toEqual({
      productId,
      originalPrice: 10_000,
      discountPrice: null,
      finalPrice: 8_500,
      hasActivePromotion: false,
    })
  })

  test('when the input is bad, then 400 with a code and no promotion exists', async () => {
    const { productId } = await insertProduct(ctx.catalog.deps.db, { price: 10_000, surcharges: [0] })
    const bodies = [
      { productId, discountPrice: 10_001 },
      { productId, discountPrice: -1 },
      { productId, discountPrice: 5_000, endAt: at(-2) },
      { productId, discountPrice: 5_000, type: 'FLASH' },
      { productId, discountPrice: 5_000, priority: -1 },
      { productId, discountPrice: 5_000, startAt: undefined },
      { productId: 0, discountPrice: 5_000 },
    ]

    const answers = await Promise.all(bodies.map(addPromotion))

    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual(bodies.map(() => [400, 'COMMON-400-004']))
    expect((await call(`${ctx.catalog.url}/api/promotions/products/${productId}`)).body.data).toEqual([])
  })

  test('when the product is unknown, then 404 CATALOG-404-001 for writes and reads', async () => {
    const unknown = 9_007_199_254_740_000

    const answers = await Promise.all([
      addPromotion({ productId: unknown, discountPrice: 1 }),
      call(`${ctx.catalog.url}/api/promotions/products/${unknown}`),
      call(`${ctx.catalog.url}/api/promotions/products/${unknown}/price`),
    ])

    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [404, 'CATALOG-404-001'],
      [404, 'CATALOG-404-001'],
      [404, 'CATALOG-404-001'],
    ])
  })
})
