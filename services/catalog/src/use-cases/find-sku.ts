import { and, eq, ne, sql } from 'drizzle-orm'
import type { CatalogDb } from '../db'
import { products, skus } from '../db/schema'
import { CatalogErrors } from '../domain/errors'
import { optionKey } from '../domain/skus'

/** The SKU lookup's statement, prepared once: the product (not DELETED) and its ACTIVE SKU with exactly these options. */
export function skuLookupStatement(db: CatalogDb) {
  return db
    .select({
      productId: products.id,
      skuId: skus.id,
      price: skus.price,
      sellingPrice: skus.sellingPrice,
      optionValues: skus.optionValues,
      available: skus.available,
    })
    .from(products)
    .leftJoin(
      skus,
      and(eq(skus.productId, products.id), eq(skus.optionKey, sql.placeholder('optionKey')), eq(skus.status, 'ACTIVE')),
    )
    .where(and(eq(products.id, sql.placeholder('productId')), ne(products.status, 'DELETED')))
    .prepare()
}

/** The ACTIVE SKU of a product whose options are exactly `optionValues`: 404-001 no product, 404-004 no such SKU. */
export async function findSkuByOptions(
  statement: ReturnType<typeof skuLookupStatement>,
  input: { productId: number; optionValues: Record<string, string> },
) {
  const [row] = await statement.execute({
    productId: input.productId,
    optionKey: optionKey(input.optionValues),
  })
  if (!row) throw CatalogErrors.productNotFound()
  if (row.skuId === null || row.price === null || row.sellingPrice === null || row.optionValues === null) {
    throw CatalogErrors.noSkuWithOptions()
  }
  const { skuId, productId, price, sellingPrice, optionValues, available } = row
  return { skuId, productId, price, sellingPrice, optionValues, available: available === true }
}
