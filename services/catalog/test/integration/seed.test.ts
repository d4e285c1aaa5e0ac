import { describe, expect, test } from 'bun:test'
import { desc, eq, inArray } from 'drizzle-orm'
import { categories, outbox, products, skus } from '../../src/db/schema'
import { seedCatalog } from '../../src/seed'
import { catalogForFile, dbOf, get } from './reads-fixture'

const services = catalogForFile()

describe('demo seed', () => {
  test('when two replicas seed at once and again later, then one tree with six ACTIVE products and their SKU events', async () => {
    const db = dbOf(services.catalog)
    await Promise.all([seedCatalog({ db }), seedCatalog({ db })])
    await seedCatalog({ db })

    const roots = await db
      .select()
      .from(categories)
      .where(inArray(categories.code, ['DEMO_FASHION', 'DEMO_DIGITAL']))
      .orderBy(desc(categories.code))
    const listed = await Promise.all(
      roots.map((root) => get(`${services.catalog.url}/api/products?categoryId=${root.id}`)),
    )
    const demo = await db
      .select({ id: products.id })
      .from(products)
      .where(
        inArray(products.productCode, [
          'DEMO-TEE-BASIC',
          'DEMO-TEE-LOGO',
          'DEMO-SHIRT-OXFORD',
          'DEMO-CAP',
          'DEMO-LAPTOP-14',
          'DEMO-MOUSE',
        ]),
      )
    const skuIds = (
      await db
        .select({ id: skus.id })
        .from(skus)
        .where(
          inArray(
            skus.productId,
            demo.map((p) => p.id),
          ),
        )
    ).map((s) => s.id)
    const events = await db.select().from(outbox).where(eq(outbox.type, 'product.sku.created'))
    const announced = new Set(events.map((e) => (JSON.parse(e.payload) as { data: { skuId: number } }).data.skuId))

    expect({
      roots: roots.length,
      listed: listed.map((l) => l.body.data.totalItems),
      skus: skuIds.length,
      announced: skuIds.every((id) => announced.has(id)),
    }).toEqual({ roots: 2, listed: [4, 2], skus: 6 + 3 + 2 + 1 + 2 + 1, announced: true })
  })
})
