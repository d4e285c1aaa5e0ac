import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm'
import type { CatalogDb } from '../db'
import { brands, optionGroups, options, products, skus } from '../db/schema'
import { CatalogErrors } from '../domain/errors'
import { productSummaryColumns } from './list-products'

const productId = sql.placeholder('productId')

/** The detail's statements, prepared once: building a Drizzle query costs more CPU than running it. */
export function detailStatements(db: CatalogDb) {
  return {
    product: db
      .select({ ...productSummaryColumns, description: products.description })
      .from(products)
      .leftJoin(brands, and(eq(brands.id, products.brandId), isNull(brands.deletedAt)))
      .where(and(eq(products.id, productId), ne(products.status, 'DELETED')))
      .prepare(),
    groups: db
      .select({ id: optionGroups.id, name: optionGroups.name })
      .from(optionGroups)
      .where(eq(optionGroups.productId, productId))
      .orderBy(asc(optionGroups.ordering), asc(optionGroups.id))
      .prepare(),
    options: db
      .select({
        id: options.id,
        groupId: options.optionGroupId,
        name: options.name,
        additionalPrice: options.additionalPrice,
      })
      .from(options)
      .where(eq(options.productId, productId))
      .orderBy(asc(options.ordering), asc(options.id))
      .prepare(),
    // Only ACTIVE SKUs: a deactivated one can no longer be ordered, so a shopper has no use for it.
    skus: db
      .select({
        id: skus.id,
        skuCode: skus.skuCode,
        price: skus.price,
        sellingPrice: skus.sellingPrice,
        optionValues: skus.optionValues,
        available: skus.available,
      })
      .from(skus)
      .where(and(eq(skus.productId, productId), eq(skus.status, 'ACTIVE')))
      .orderBy(asc(skus.id))
      .prepare(),
  }
}

export type DetailStatements = ReturnType<typeof detailStatements>
export type ProductDetail = Awaited<ReturnType<typeof readProductDetail>>

/** A product that is not DELETED with its option groups (options in order) and ACTIVE SKUs; else CATALOG-404-001. */
export async function readProductDetail(statements: DetailStatements, id: number) {
  const at = { productId: id }
  const [[product], groups, groupOptions, productSkus] = await Promise.all([
    statements.product.execute(at),
    statements.groups.execute(at),
    statements.options.execute(at),
    statements.skus.execute(at),
  ])
  if (!product) throw CatalogErrors.productNotFound()
  const optionGroupsView = groups.map((group) => ({
    id: group.id,
    name: group.name,
    options: groupOptions
      .filter((option) => option.groupId === group.id)
      .map(({ id, name, additionalPrice }) => ({ id, name, additionalPrice })),
  }))
  return { ...product, optionGroups: optionGroupsView, skus: productSkus }
}
