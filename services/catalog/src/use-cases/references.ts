import { and, eq, isNull } from 'drizzle-orm'
import type { CatalogTx } from '../db'
import { brands, categories } from '../db/schema'
import { CatalogErrors } from '../domain/errors'

/** The category a product points at, or undefined for none; 404 CATALOG-404-002 when unknown. */
export async function existingCategory(tx: CatalogTx, categoryId: number | null | undefined) {
  if (categoryId == null) return undefined
  const [category] = await tx.select().from(categories).where(eq(categories.id, categoryId))
  if (!category) throw CatalogErrors.categoryNotFound()
  return category
}

/** Checks that a brand a product points at exists and is not deleted; 404 CATALOG-404-005. */
export async function checkBrand(tx: CatalogTx, brandId: number | null | undefined): Promise<void> {
  if (brandId == null) return
  const [brand] = await tx
    .select({ id: brands.id })
    .from(brands)
    .where(and(eq(brands.id, brandId), isNull(brands.deletedAt)))
    // Locked (MariaDB has no FOR SHARE): a concurrent brand delete waits for this product write, so no product
    // points at a brand deleted before it committed. Admin writes of one brand take turns, briefly.
    .for('update')
  if (!brand) throw CatalogErrors.brandNotFound()
}
