import { eq, sql } from 'drizzle-orm'
import type { CatalogTx } from '../db'
import { products, skus } from '../db/schema'

/**
 * Selling prices when no promotion or discount applies: selling = base for the product and its SKUs. Stands in for
 * pricing's `recomputePrices(tx, productId, meta)` (another branch), which replaces this call when it lands.
 */
export async function initialPrices(tx: CatalogTx, productId: number): Promise<void> {
  await tx
    .update(products)
    .set({ sellingPrice: sql`${products.price}`, discountRate: 0 })
    .where(eq(products.id, productId))
  await tx
    .update(skus)
    .set({ sellingPrice: sql`${skus.price}` })
    .where(eq(skus.productId, productId))
}
