import { asc, eq } from 'drizzle-orm'
import type { CatalogTx } from '../db'
import { optionGroups, options, products, skus } from '../db/schema'
import { CatalogErrors } from '../domain/errors'
import type { ProductStatus } from '../domain/product-status'
import type { GroupDef } from '../domain/skus'

export type ProductRow = typeof products.$inferSelect

/** The product's row under a write lock, so concurrent writes to one product take turns; 404 CATALOG-404-001. */
export async function lockProduct(tx: CatalogTx, productId: number): Promise<ProductRow> {
  const [product] = await tx.select().from(products).where(eq(products.id, productId)).for('update')
  if (!product) throw CatalogErrors.productNotFound()
  return product
}

/** As `lockProduct`, refusing a DELETED product (terminal: nothing about it changes any more). */
export async function lockLiveProduct(tx: CatalogTx, productId: number): Promise<ProductRow> {
  const product = await lockProduct(tx, productId)
  if ((product.status as ProductStatus) === 'DELETED') throw CatalogErrors.productDeleted()
  return product
}

/** The product's option groups with their options (ids included), as the SKU rules see them. */
export async function loadOptionGroups(tx: CatalogTx, productId: number): Promise<(GroupDef & { id: number })[]> {
  const [groups, rows] = await Promise.all([
    tx.select().from(optionGroups).where(eq(optionGroups.productId, productId)).orderBy(asc(optionGroups.ordering)),
    tx.select().from(options).where(eq(options.productId, productId)).orderBy(asc(options.ordering), asc(options.id)),
  ])
  return groups.map((group) => ({
    id: group.id,
    name: group.name,
    ordering: group.ordering,
    options: rows
      .filter((row) => row.optionGroupId === group.id)
      .map(({ id, name, additionalPrice, ordering }) => ({ id, name, additionalPrice, ordering })),
  }))
}

/** The product as the admin API answers it: fields, option groups and SKUs. */
export async function productView(tx: CatalogTx, productId: number) {
  const [[product], groups, skuRows] = await Promise.all([
    tx.select().from(products).where(eq(products.id, productId)),
    loadOptionGroups(tx, productId),
    tx.select().from(skus).where(eq(skus.productId, productId)).orderBy(asc(skus.id)),
  ])
  if (!product) throw CatalogErrors.productNotFound()
  return {
    id: product.id,
    productCode: product.productCode,
    name: product.name,
    description: product.description,
    price: product.price,
    sellingPrice: product.sellingPrice,
    discountRate: product.discountRate,
    status: product.status,
    categoryId: product.categoryId,
    brandId: product.brandId,
    thumbnailImageUrl: product.thumbnailImageUrl,
    optionGroups: groups,
    skus: skuRows.map(({ id, skuCode, price, sellingPrice, optionValues, status }) => ({
      id,
      skuCode,
      price,
      sellingPrice,
      optionValues,
      status,
    })),
  }
}

export type ProductView = Awaited<ReturnType<typeof productView>>
