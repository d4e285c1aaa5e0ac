import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { eventually } from '@commerce/platform/testing'
import { repriceProduct } from '../../src/use-cases/pricing-clock'
import { call, catalogAndAuth, startCatalog } from './fixture'
import { insertProduct, priceEvents, storedPrices } from './pricing-fixture'

// The job every second, and a second replica on the same database: the lease keeps them from running it together.
const ctx = catalogAndAuth({ CATALOG_PRICING_EVERY_S: '1' })
const replica = {} as { service: Awaited<ReturnType<typeof startCatalog>> }
beforeAll(async () => {
  replica.service = await startCatalog(ctx.auth.url, { CATALOG_PRICING_EVERY_S: '1' })
})
afterAll(async () => {
  await replica.service?.stop()
})

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1_000).toISOString()

describe('pricing clock job', () => {
  test('when a promotion starts and then ends, then the job publishes one change per SKU at each boundary', async () => {
    const db = ctx.catalog.deps.db
    const { productId, skuIds } = await insertProduct(db, { price: 10_000, surcharges: [0, 500] })
    const [first, second] = skuIds as [number, number]
    const added = await call(`${ctx.catalog.url}/api/promotions`, {
      method: 'POST',
      token: ctx.admin,
      body: {
        productId,
        discountPrice: 7_000,
        startAt: inSeconds(1),
        endAt: inSeconds(3),
        type: 'CAMPAIGN',
        priority: 0,
      },
    })
    expect([added.status, await priceEvents(db, productId)]).toEqual([201, []])

    const applied = await eventually(async () => {
      const prices = await storedPrices(db, productId)
      return prices.sellingPrice === 7_000 ? prices : undefined
    })
    expect([applied, await priceEvents(db, productId)]).toEqual([
      { sellingPrice: 7_000, discountRate: 30, skus: [7_000, 7_500] },
      [
        [first, 'PROMOTION_APPLIED', 7_000],
        [second, 'PROMOTION_APPLIED', 7_500],
      ],
    ])

    await eventually(async () => ((await storedPrices(db, productId)).sellingPrice === 10_000 ? true : undefined))
    expect(await priceEvents(db, productId)).toEqual([
      [first, 'PROMOTION_APPLIED', 7_000],
      [second, 'PROMOTION_APPLIED', 7_500],
      [first, 'PROMOTION_EXPIRED', 10_000],
      [second, 'PROMOTION_EXPIRED', 10_500],
    ])
  })

  test('when a run repeats a span it already handled (a crash before the clock moved), then nothing new is published', async () => {
    const db = ctx.catalog.deps.db
    const { productId } = await insertProduct(db, { price: 4_000, surcharges: [0] })
    await call(`${ctx.catalog.url}/api/products/${productId}/discounts`, {
      method: 'POST',
      token: ctx.admin,
      body: { name: 'soon', discountType: 'AMOUNT', discountValue: 1_000, startAt: inSeconds(1) },
    })
    await eventually(async () => ((await storedPrices(db, productId)).sellingPrice === 3_000 ? true : undefined))

    const meta = { now: new Date(), correlationId: crypto.randomUUID(), causationId: crypto.randomUUID() }
    const again = await repriceProduct(db, productId, { from: new Date(Date.now() - 60_000), meta })

    expect([again, (await priceEvents(db, productId)).length]).toEqual([{ changedSkus: 0, productChanged: false }, 1])
  })
})
