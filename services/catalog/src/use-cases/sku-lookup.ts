import { asc, eq, inArray } from 'drizzle-orm'
import type { CatalogDb } from '../db'
import { products, skus } from '../db/schema'

/**
 * SKUs by primary key with their product's name and current selling price (what an order charges); ids that match
 * nothing are left out. A SKU's status is DEACTIVATED when its product is not ACTIVE, so one field tells an order
 * whether the SKU can be bought.
 */
export async function skusByIds(db: CatalogDb, ids: number[]) {
  const rows = await db
    .select({
      id: skus.id,
      productId: skus.productId,
      productName: products.name,
      optionValues: skus.optionValues,
      price: skus.price,
      sellingPrice: skus.sellingPrice,
      skuStatus: skus.status,
      productStatus: products.status,
    })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(inArray(skus.id, ids))
    .orderBy(asc(skus.id))
  return rows.map(({ skuStatus, productStatus, ...sku }) => ({
    ...sku,
    status: productStatus === 'ACTIVE' ? skuStatus : 'DEACTIVATED',
  }))
}
