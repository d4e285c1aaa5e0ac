import { type Page, page, pageOffset } from '@commerce/platform/http'
import { and, asc, count, desc, eq, gte, isNull, like, lte, or, type SQL, sql } from 'drizzle-orm'
import type { CatalogDb } from '../db'
import { brands, categories, productAttributeValues, products } from '../db/schema'
import type { AttributeFilter, ListSort } from '../domain/list-query'

/** A validated list request (route schema + `parseAttributeFilters`). */
export interface ListQuery {
  page: number
  size: number
  sort: ListSort
  categoryId?: number | undefined
  brandId?: number | undefined
  keyword?: string | undefined
  minPrice?: number | undefined
  maxPrice?: number | undefined
  attributes: AttributeFilter[]
}

/** One product of the public list (original §3.1, minus the deferred review-only fields' behaviour). */
export interface ProductListItem {
  id: number
  name: string
  originalPrice: number
  sellingPrice: number
  discountRate: number
  status: string
  categoryId: number | null
  thumbnailImageUrl: string | null
  brandId: number | null
  brandName: string | null
  salesCount: number
  viewCount: number
  likeCount: number
  averageRating: number
  reviewCount: number
  available: boolean
}

/** A product as every read shows it (the list item; the detail adds its description and options). */
export const productSummaryColumns = {
  id: products.id,
  name: products.name,
  originalPrice: products.price,
  sellingPrice: products.sellingPrice,
  discountRate: products.discountRate,
  status: products.status,
  categoryId: products.categoryId,
  thumbnailImageUrl: products.thumbnailImageUrl,
  brandId: products.brandId,
  brandName: brands.name,
  salesCount: products.salesCount,
  viewCount: products.viewCount,
  likeCount: products.likeCount,
  averageRating: products.averageRating,
  reviewCount: products.reviewCount,
  available: products.available,
}

/** `%keyword%` with LIKE's wildcards escaped, so a `%` in the keyword matches a `%` (the collation is case-insensitive). */
export const containing = (keyword: string) => `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

// Descendants through the materialized path: one range on categories_path under the (constant) root row.
const inCategoryTree = (categoryId: number) =>
  sql`${products.categoryId} in (select c.id from ${categories} c join ${categories} root on root.id = ${categoryId}
      where c.path like concat(root.path, '%'))`

// Exact: the collation ignores case and trailing spaces, so the indexed equality is narrowed by a byte comparison.
const hasAttribute = (filter: AttributeFilter) =>
  sql`exists (select 1 from ${productAttributeValues} v where v.product_id = ${products.id}
      and v.attribute_id = ${filter.attributeId} and v.value = ${filter.value}
      and binary v.value = binary ${filter.value})`

/** The WHERE of a list request: ACTIVE only, then every filter given. */
export function listFilter(query: ListQuery): SQL | undefined {
  const keyword = query.keyword ? containing(query.keyword) : undefined
  return and(
    eq(products.status, 'ACTIVE'),
    query.categoryId === undefined ? undefined : inCategoryTree(query.categoryId),
    query.brandId === undefined ? undefined : eq(products.brandId, query.brandId),
    keyword === undefined ? undefined : or(like(products.name, keyword), like(products.description, keyword)),
    query.minPrice === undefined ? undefined : gte(products.price, query.minPrice),
    query.maxPrice === undefined ? undefined : lte(products.price, query.maxPrice),
    ...query.attributes.map(hasAttribute),
  )
}

// Original §3.2: salesCount×0.4 + (averageRating/5)×0.3 + 0.5×0.3.
const popularity = sql`(${products.salesCount} * 0.4 + (${products.averageRating} / 5) * 0.3 + 0.15)`

// RECOMMENDED with a keyword: how many of category name, brand name and product name contain it.
const relevance = (keyword: string) =>
  sql`((select count(*) from ${categories} c where c.id = ${products.categoryId} and c.name like ${keyword})
      + (${brands.name} is not null and ${brands.name} like ${keyword}) + (${products.name} like ${keyword}))`

/** ORDER BY of a sort (original §3.2); the id last keeps pages stable among equal keys. */
export function listOrder(sort: ListSort, keyword?: string): SQL[] {
  const newest = [desc(products.createdAt), desc(products.id)]
  switch (sort) {
    case 'PRICE_ASC':
      return [asc(products.sellingPrice), asc(products.id)]
    case 'PRICE_DESC':
      return [desc(products.sellingPrice), desc(products.id)]
    case 'POPULARITY':
      return [desc(popularity), ...newest]
    case 'BEST_SELLING':
      return [desc(products.salesCount), ...newest]
    case 'RECOMMENDED':
      return [...(keyword ? [desc(relevance(containing(keyword)))] : []), desc(popularity), ...newest]
    default:
      return newest
  }
}

/** One page of the public product list: items and the total, filtered and sorted in SQL. */
export async function listProducts(db: CatalogDb, query: ListQuery): Promise<Page<ProductListItem>> {
  const where = listFilter(query)
  const [items, [total]] = await Promise.all([
    db
      .select(productSummaryColumns)
      .from(products)
      .leftJoin(brands, and(eq(brands.id, products.brandId), isNull(brands.deletedAt)))
      .where(where)
      .orderBy(...listOrder(query.sort, query.keyword))
      .limit(query.size)
      .offset(pageOffset(query)),
    db.select({ value: count() }).from(products).where(where),
  ])
  return page(items, { ...query, totalItems: total?.value ?? 0 })
}
