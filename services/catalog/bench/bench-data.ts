import { eq } from 'drizzle-orm'
import type { CatalogDb } from '../src/db'
import { brands, categories, products, skus } from '../src/db/schema'

const rootCode = 'BENCH_ROOT'
const batch = 1_000

/** The benchmark's own subtree (root → leaf) with `count` ACTIVE products, one SKU each; written once, then reused. */
export async function ensureBenchProducts(
  db: CatalogDb,
  count: number,
): Promise<{ rootId: number; productId: number }> {
  const [root] = await db.select().from(categories).where(eq(categories.code, rootCode))
  if (root) {
    const [sample] = await db.select({ id: products.id }).from(products).where(eq(products.productCode, 'BENCH-0'))
    if (sample) return { rootId: root.id, productId: sample.id }
  }
  return db.transaction(async (tx) => {
    const now = new Date()
    const category = async (code: string, parent?: { id: number; path: string }) => {
      const values = { name: code, code, parentId: parent?.id ?? null, parentKey: parent?.id ?? 0, path: '', depth: 0 }
      const [row] = await tx.insert(categories).values({ ...values, createdAt: now, updatedAt: now })
      const path = `${parent?.path ?? '/'}${row.insertId}/`
      await tx.update(categories).set({ path }).where(eq(categories.id, row.insertId))
      return { id: row.insertId, path }
    }
    const top = await category(rootCode)
    const leaf = await category('BENCH_LEAF', top)
    const [brand] = await tx.insert(brands).values({ name: 'Bench', createdAt: now, updatedAt: now })
    for (let from = 0; from < count; from += batch) {
      const rows = Array.from({ length: Math.min(batch, count - from) }, (_, i) => ({
        ...{
          productCode: `BENCH-${from + i}`,
          name: `bench product ${from + i}`,
          price: 10_000 + i,
          sellingPrice: 9_000 + i,
        },
        ...{ status: 'ACTIVE', categoryId: leaf.id, brandId: brand.insertId, available: true },
        ...{ createdAt: new Date(now.getTime() - (from + i) * 1000), updatedAt: now },
      }))
      const [first] = await tx.insert(products).values(rows)
      await tx.insert(skus).values(
        rows.map((row, i) => ({
          ...{ skuCode: `${row.productCode}-1`, productId: first.insertId + i, price: row.price },
          ...{ sellingPrice: row.sellingPrice, optionValues: {}, optionKey: '{}', status: 'ACTIVE', available: true },
          ...{ createdAt: now, updatedAt: now },
        })),
      )
    }
    const [sample] = await tx.select({ id: products.id }).from(products).where(eq(products.productCode, 'BENCH-0'))
    return { rootId: top.id, productId: sample?.id ?? 0 }
  })
}
