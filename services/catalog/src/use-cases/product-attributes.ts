import { asc, eq, inArray } from 'drizzle-orm'
import type { CatalogDb, CatalogTx } from '../db'
import { categoryAttributes, productAttributeValues, products } from '../db/schema'
import { type AttributeType, checkValue } from '../domain/attributes'
import { CatalogErrors } from '../domain/errors'
import { lockLiveProduct } from './product-rows'

/** A product's attribute values with their attribute's name and type. */
export async function productAttributeList(db: CatalogDb | CatalogTx, productId: number) {
  const [product] = await db.select({ id: products.id }).from(products).where(eq(products.id, productId))
  if (!product) throw CatalogErrors.productNotFound()
  return db
    .select({
      id: productAttributeValues.id,
      attributeId: productAttributeValues.attributeId,
      attributeName: categoryAttributes.name,
      type: categoryAttributes.type,
      value: productAttributeValues.value,
    })
    .from(productAttributeValues)
    .innerJoin(categoryAttributes, eq(categoryAttributes.id, productAttributeValues.attributeId))
    .where(eq(productAttributeValues.productId, productId))
    .orderBy(asc(categoryAttributes.ordering), asc(categoryAttributes.id))
}

/**
 * Replaces all of a product's attribute values; every attribute must exist (404 CATALOG-404-008) and every value
 * fit its type (400 CATALOG-400-003).
 */
export async function replaceProductAttributes(
  tx: CatalogTx,
  input: { productId: number; values: { attributeId: number; value: string }[] },
  now: Date,
) {
  const product = await lockLiveProduct(tx, input.productId)
  const ids = [...new Set(input.values.map((v) => v.attributeId))]
  const defs =
    ids.length === 0 ? [] : await tx.select().from(categoryAttributes).where(inArray(categoryAttributes.id, ids))
  const byId = new Map(defs.map((d) => [d.id, d]))
  for (const { attributeId, value } of input.values) {
    const def = byId.get(attributeId)
    if (!def) throw CatalogErrors.attributeNotFound()
    checkValue({ name: def.name, type: def.type as AttributeType, options: def.options }, value)
  }
  await tx.delete(productAttributeValues).where(eq(productAttributeValues.productId, product.id))
  // One value per attribute: the last one given wins.
  const latest = new Map(input.values.map((v) => [v.attributeId, v.value]))
  const rows = [...latest].map(([attributeId, value]) => ({
    productId: product.id,
    attributeId,
    value,
    createdAt: now,
    updatedAt: now,
  }))
  if (rows.length > 0) await tx.insert(productAttributeValues).values(rows)
  return productAttributeList(tx, product.id)
}
