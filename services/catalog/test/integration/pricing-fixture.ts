import { freshName } from '@commerce/platform/testing'
import { and, asc, eq } from 'drizzle-orm'
import type { CatalogDb } from '../../src/db'
import { outbox, products, skus } from '../../src/db/schema'

/**
 * A fresh ACTIVE product with one SKU per surcharge (rows written directly, so a pricing test sets exactly the
 * prices it needs), selling at its base price. Its id and SKU ids.
 */
export async function insertProduct(db: CatalogDb, shape: { price: number; surcharges: number[] }) {
  const now = new Date()
  const code = freshName('PRC').slice(0, 40)
  const [product] = await db.insert(products).values({
    productCode: code,
    name: `Pricing ${code}`,
    price: shape.price,
    sellingPrice: shape.price,
    status: 'ACTIVE',
    createdAt: now,
    updatedAt: now,
  })
  const productId = product.insertId
  const skuIds: number[] = []
  for (const [index, surcharge] of shape.surcharges.entries()) {
    const optionValues = { size: `S${index}` }
    const [sku] = await db.insert(skus).values({
      skuCode: `${code}-${index}`,
      productId,
      price: shape.price + surcharge,
      sellingPrice: shape.price + surcharge,
      optionValues,
      optionKey: JSON.stringify(optionValues),
      status: 'ACTIVE',
      createdAt: now,
      updatedAt: now,
    })
    skuIds.push(sku.insertId)
  }
  return { productId, skuIds }
}

/** The stored selling prices of a product and its SKUs (in SKU id order). */
export async function storedPrices(db: CatalogDb, productId: number) {
  const [product] = await db.select().from(products).where(eq(products.id, productId))
  const skuRows = await db.select().from(skus).where(eq(skus.productId, productId)).orderBy(skus.id)
  return {
    sellingPrice: product?.sellingPrice,
    discountRate: product?.discountRate,
    skus: skuRows.map((row) => row.sellingPrice),
  }
}

/** A product's `product.price.changed` events in the outbox, oldest first, as `[skuId, reason, newPrice]`. */
export async function priceEvents(db: CatalogDb, productId: number): Promise<unknown[]> {
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.type, 'product.price.changed'), eq(outbox.aggregateId, String(productId))))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
  return rows
    .map((row) => (JSON.parse(row.payload) as { data: { skuId: number; reason: string; newPrice: number } }).data)
    .map((data) => [data.skuId, data.reason, data.newPrice])
}
