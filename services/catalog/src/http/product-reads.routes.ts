import { Elysia } from 'elysia'
import type { CatalogRouteDeps } from './route-deps'

/** Public product reads: list with filters and sorts, detail, SKU lookup by options (cached). */
export const productReadRoutes = (_deps: CatalogRouteDeps) =>
  new Elysia({ prefix: '/api/products', detail: { tags: ['products'] } })
