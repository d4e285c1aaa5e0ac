import { describe, expect, test } from 'bun:test'
import { and, desc, eq, inArray, like } from 'drizzle-orm'
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

    // What the list shows under each root is what is ACTIVE there now: on a fresh database the seed's 4 and 2, but the
    // demo data lives in the shared database and an admin (or a fuzzer) may have suspended or deleted some since.
    const activeUnder = async (path: string) =>
      (
        await db
          .select({ id: products.id })
          .from(products)
          .innerJoin(categories, eq(products.categoryId, categories.id))
          .where(and(eq(products.status, 'ACTIVE'), like(categories.path, `${path}%`)))
      ).length
    expect({
      roots: roots.length,
      demoProducts: demo.length,
      listed: listed.map((l) => l.body.data.totalItems),
      skus: skuIds.length,
      announced: skuIds.every((id) => announced.has(id)),
    }).toEqual({
      roots: 2,
      demoProducts: 6,
      listed: await Promise.all(roots.map((root) => activeUnder(root.path))),
      skus: 6 + 3 + 2 + 1 + 2 + 1,
      announced: true,
    })
  })
})
