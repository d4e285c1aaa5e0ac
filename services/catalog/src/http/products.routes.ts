import { Elysia } from 'elysia'
import type { CatalogRouteDeps } from './route-deps'

/** Product writes: create, update, status, options, attributes. */
export const productWriteRoutes = (_deps: CatalogRouteDeps) =>
  new Elysia({ prefix: '/api/products', detail: { tags: ['products'] } })
