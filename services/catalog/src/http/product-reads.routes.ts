import { Envelope, IdParam, ok, PageOf } from '@commerce/platform/http'
import { Elysia } from 'elysia'
import { parseAttributeFilters } from '../domain/list-query'
import { parseOptionQuery } from '../domain/option-query'
import { findSkuByOptions, skuLookupStatement } from '../use-cases/find-sku'
import { listProducts } from '../use-cases/list-products'
import { detailStatements, readProductDetail } from '../use-cases/product-detail'
import { cachedRead } from '../use-cases/read-cache'
import { ListQuerySchema, ProductDetailSchema, ProductListItemSchema, SkuLookupSchema } from './product-read-schemas'
import type { CatalogRouteDeps } from './route-deps'

const searchOf = (url: string) => new URL(url).searchParams

// A list request's cache key: its normalized filters, hashed so any keyword or attr value makes a short key.
const listKey = (normalized: unknown) =>
  `list:${new Bun.CryptoHasher('sha256').update(JSON.stringify(normalized)).digest('hex')}`

/** Public product reads: list with filters and sorts, detail, SKU lookup by options (list and detail cached). */
export const productReadRoutes = (deps: CatalogRouteDeps) => {
  const detail = detailStatements(deps.db)
  const skuLookup = skuLookupStatement(deps.db)
  const cache = { redis: deps.redis, logger: deps.logger }
  return new Elysia({ prefix: '/api/products', detail: { tags: ['products'] } })
    .get(
      '/',
      async ({ query, request }) => {
        const { page, size, sort, categoryId, brandId, keyword, minPrice, maxPrice } = query
        const filters = { page, size, sort, categoryId, brandId, keyword, minPrice, maxPrice }
        const listQuery = { ...filters, attributes: parseAttributeFilters(searchOf(request.url)) }
        return ok(await cachedRead(cache, listKey(listQuery), () => listProducts(deps.db, listQuery)))
      },
      { query: ListQuerySchema, response: Envelope(PageOf(ProductListItemSchema)) },
    )
    .get(
      '/:id',
      async ({ params }) =>
        ok(await cachedRead(cache, `detail:${params.id}`, () => readProductDetail(detail, params.id))),
      { params: IdParam, response: Envelope(ProductDetailSchema) },
    )
    .get(
      '/:id/skus',
      async ({ params, request }) => {
        const optionValues = parseOptionQuery(searchOf(request.url))
        return ok(await findSkuByOptions(skuLookup, { productId: params.id, optionValues }))
      },
      {
        params: IdParam,
        response: Envelope(SkuLookupSchema),
        detail: { description: 'Every query parameter is an option: `?색상=블랙&사이즈=M`' },
      },
    )
}
