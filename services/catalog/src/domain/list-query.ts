import { maxId } from '@commerce/platform/http'
import { CatalogErrors } from './errors'

/** Sorts the list serves; RATING_DESC and REVIEW_COUNT_DESC depend on reviews, which are deferred (SPEC §4): 400. */
export const listSorts = ['LATEST', 'PRICE_ASC', 'PRICE_DESC', 'POPULARITY', 'BEST_SELLING', 'RECOMMENDED'] as const
export type ListSort = (typeof listSorts)[number]

/** At most this many `attr.{id}=value` filters per request: each is one more EXISTS in the query. */
export const maxAttributeFilters = 10
const maxAttributeValueLength = 500 // product_attribute_values.value

/** One `attr.{attributeId}=value` filter: an exact match on the product's value for that attribute. */
export interface AttributeFilter {
  attributeId: number
  value: string
}

const attributeKey = /^attr\.(\d{1,16})$/

/**
 * Reads the dynamic `attr.{attributeId}=value` keys of a query string, bounded: a malformed id, an over-long value or
 * more than `maxAttributeFilters` filters is a 400 (CATALOG-400-001), never a query. Sorted by id so equal filters in
 * any order share one cache key.
 */
export function parseAttributeFilters(search: URLSearchParams): AttributeFilter[] {
  const filters = new Map<number, string>()
  for (const [key, value] of search) {
    if (!key.startsWith('attr.')) continue
    const attributeId = Number(attributeKey.exec(key)?.[1] ?? Number.NaN)
    if (!(attributeId >= 1 && attributeId <= maxId))
      throw CatalogErrors.invalidFilter(`${key.slice(0, 40)} is no attribute id`)
    if (value.length > maxAttributeValueLength)
      throw CatalogErrors.invalidFilter(`${key} is longer than 500 characters`)
    if (filters.has(attributeId)) throw CatalogErrors.invalidFilter(`${key} is given twice`)
    filters.set(attributeId, value)
    if (filters.size > maxAttributeFilters)
      throw CatalogErrors.invalidFilter(`at most ${maxAttributeFilters} attr filters`)
  }
  return [...filters].sort(([a], [b]) => a - b).map(([attributeId, value]) => ({ attributeId, value }))
}
