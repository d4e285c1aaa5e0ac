import type { EventMeta } from '@commerce/contracts'
import { eq, sql } from 'drizzle-orm'
import type { CatalogTx } from '../db'
import { products, skus } from '../db/schema'
import { pickDefined } from './pick-defined'
import { publishProductChanged } from './product-events'
import { lockLiveProduct, productView } from './product-rows'
import { recomputePrices } from './recompute-prices'
import { checkBrand, existingCategory } from './references'

/** A partial change: absent = keep; null clears an optional field. */
export interface ProductChange {
  name?: string | undefined
  description?: string | null | undefined
  price?: number | undefined
  categoryId?: number | null | undefined
  brandId?: number | null | undefined
  thumbnailImageUrl?: string | null | undefined
}

const productFields = ['name', 'description', 'price', 'categoryId', 'brandId', 'thumbnailImageUrl'] as const

/**
 * Updates a product's fields and publishes `product.changed`; a base price change moves every SKU's price by the
 * same amount, which keeps SKU price = base + its options' surcharges.
 */
export async function updateProduct(
  tx: CatalogTx,
  input: { productId: number; change: ProductChange },
  meta: EventMeta,
) {
  const product = await lockLiveProduct(tx, input.productId)
  const { change } = input
  await existingCategory(tx, change.categoryId)
  await checkBrand(tx, change.brandId)
  const fields = pickDefined(change, productFields)
  await tx
    .update(products)
    .set({ ...fields, updatedAt: meta.now })
    .where(eq(products.id, product.id))
  const delta = change.price === undefined ? 0 : change.price - product.price
  if (delta !== 0) {
    await tx
      .update(skus)
      .set({ price: sql`${skus.price} + ${delta}`, updatedAt: meta.now })
      .where(eq(skus.productId, product.id))
  }
  await recomputePrices(tx, product.id, meta)
  await publishProductChanged(tx, product.id, meta)
  return productView(tx, product.id)
}
