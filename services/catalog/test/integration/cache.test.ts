import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { eq } from 'drizzle-orm'
import { products, skus } from '../../src/db/schema'
import { bumpGeneration, cacheTtlSeconds, generationKey } from '../../src/use-cases/read-cache'
import { type CatalogService, dbOf, get, insertBrand, insertProduct, startCatalog } from './reads-fixture'

// Two replicas sharing Redis and the database, as in production.
const replicas = {} as { a: CatalogService; b: CatalogService }
beforeAll(async () => {
  ;[replicas.a, replicas.b] = await Promise.all([startCatalog(), startCatalog()])
})
afterAll(async () => {
  await Promise.all([replicas.a.stop(), replicas.b.stop()])
})

const detailPrice = async (service: CatalogService, productId: number) =>
  (await get(`${service.url}/api/products/${productId}`)).body.data.sellingPrice as number
const listPrice = async (service: CatalogService, brandId: number) =>
  (await get(`${service.url}/api/products?brandId=${brandId}`)).body.data.items[0].sellingPrice as number

/** What a price write does: the row in a transaction, then the bump, then the acknowledgement. */
async function writePrice(service: CatalogService, productId: number, sellingPrice: number) {
  await dbOf(service).transaction(async (tx) => {
    await tx.update(products).set({ sellingPrice }).where(eq(products.id, productId))
    await tx.update(skus).set({ sellingPrice }).where(eq(skus.productId, productId))
  })
  await bumpGeneration(service.deps.redis)
}

describe('read cache', () => {
  test('when a write is acknowledged through replica A, then replica B never reads the old price after it', async () => {
    const brandId = await insertBrand(replicas.a)
    const { productId } = await insertProduct(replicas.a, { brandId, price: 100_000, sellingPrice: 1 })
    let writing = true
    // Readers on B all along, so some of them race each write and cache what they read under the old generation.
    const racers = Array.from({ length: 4 }, async () => {
      while (writing) await Promise.all([detailPrice(replicas.b, productId), listPrice(replicas.b, brandId)])
    })
    const stale: [number, number, number][] = []
    for (let price = 2; price <= 40; price++) {
      await writePrice(replicas.a, productId, price)
      const seen = [await detailPrice(replicas.b, productId), await listPrice(replicas.b, brandId)]
      if (seen.some((p) => p !== price)) stale.push([price, seen[0] ?? 0, seen[1] ?? 0])
    }
    writing = false
    await Promise.all(racers)

    expect(stale).toEqual([])
  })

  test('when a row changes without a bump, then reads keep the cached answer (the cache is in use) for at most the TTL', async () => {
    const { productId } = await insertProduct(replicas.a, { price: 5_000 })
    await detailPrice(replicas.b, productId)
    await dbOf(replicas.a).update(products).set({ sellingPrice: 4_000 }).where(eq(products.id, productId))

    const generation = (await replicas.a.deps.redis.get(generationKey)) ?? '0'
    const ttl = await replicas.a.deps.redis.ttl(`catalog:cache:${generation}:detail:${productId}`)

    expect([await detailPrice(replicas.a, productId), ttl > 0 && ttl <= cacheTtlSeconds]).toEqual([5_000, true])
  })

  test('when Redis is unreachable, then reads go to the database and still answer', async () => {
    const { productId } = await insertProduct(replicas.a, { price: 7_000 })
    const brandId = await insertBrand(replicas.a)
    await insertProduct(replicas.a, { brandId, price: 3_000 })
    const withoutRedis = await startCatalog({ REDIS_URL: 'redis://127.0.0.1:1' })
    try {
      expect([await detailPrice(withoutRedis, productId), await listPrice(withoutRedis, brandId)]).toEqual([
        7_000, 3_000,
      ])
    } finally {
      await withoutRedis.stop()
    }
  })
})
