import { and, eq, isNull } from 'drizzle-orm'
import type { CatalogDb, CatalogTx } from '../db'
import { brands } from '../db/schema'
import { CatalogErrors } from '../domain/errors'
import { pickDefined } from './pick-defined'

type BrandRow = typeof brands.$inferSelect

/** A brand as the API answers it. */
export const brandView = ({ id, name, logoImageUrl }: BrandRow) => ({ id, name, logoImageUrl })

const live = (brandId: number) => and(eq(brands.id, brandId), isNull(brands.deletedAt))

/** A brand not deleted, or 404 CATALOG-404-005. */
export async function findBrand(db: CatalogDb | CatalogTx, brandId: number) {
  const [brand] = await db.select().from(brands).where(live(brandId))
  if (!brand) throw CatalogErrors.brandNotFound()
  return brandView(brand)
}

/** Creates a brand. */
export async function createBrand(
  tx: CatalogTx,
  input: { name: string; logoImageUrl?: string | undefined },
  now: Date,
) {
  const row = { name: input.name, logoImageUrl: input.logoImageUrl ?? null, createdAt: now, updatedAt: now }
  const [inserted] = await tx.insert(brands).values(row)
  return findBrand(tx, inserted.insertId)
}

/** Changes a live brand's name or logo (null clears the logo). */
export async function changeBrand(
  tx: CatalogTx,
  input: { brandId: number; change: { name?: string | undefined; logoImageUrl?: string | null | undefined } },
  now: Date,
) {
  await findBrand(tx, input.brandId)
  const fields = pickDefined(input.change, ['name', 'logoImageUrl'])
  await tx
    .update(brands)
    .set({ ...fields, updatedAt: now })
    .where(live(input.brandId))
  return findBrand(tx, input.brandId)
}

/** Soft-deletes a live brand; afterwards every read answers 404 CATALOG-404-005. */
export async function deleteBrand(tx: CatalogTx, brandId: number, now: Date): Promise<void> {
  const [result] = await tx.update(brands).set({ deletedAt: now, updatedAt: now }).where(live(brandId))
  if (result.affectedRows === 0) throw CatalogErrors.brandNotFound()
}
