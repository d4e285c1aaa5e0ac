import { eq, sql } from 'drizzle-orm'
import type { CatalogTx } from '../db'
import { products, skus } from '../db/schema'

/**
 * Marks a SKU (un)available and recomputes its product's `available`: true when the product has no SKU or any ACTIVE
 * SKU is available (original §3.2). An unknown SKU changes nothing. Returns whether a SKU was found.
 */
export async function setSkuAvailability(tx: CatalogTx, input: { skuId: number; available: boolean; now: Date }) {
  const [sku] = await tx.select({ productId: skus.productId }).from(skus).where(eq(skus.id, input.skuId)).for('update')
  if (!sku) return false
  await tx.update(skus).set({ available: input.available, updatedAt: input.now }).where(eq(skus.id, input.skuId))
  await tx
    .update(products)
    .set({
      available: sql`(not exists (select 1 from ${skus} s where s.product_id = ${sku.productId})
        or exists (select 1 from ${skus} s where s.product_id = ${sku.productId} and s.status = 'ACTIVE' and s.available))`,
      updatedAt: input.now,
    })
    .where(eq(products.id, sku.productId))
  return true
}
