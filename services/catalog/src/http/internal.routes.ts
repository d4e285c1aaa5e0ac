import { Elysia } from 'elysia'
import type { CatalogRouteDeps } from './route-deps'

/** `GET /internal/skus?ids=` for order creation (no token; cluster only). */
export const internalRoutes = (_deps: CatalogRouteDeps) =>
  new Elysia({ prefix: '/internal', detail: { tags: ['internal'] } })
