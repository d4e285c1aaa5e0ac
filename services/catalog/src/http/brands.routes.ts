import { Elysia } from 'elysia'
import type { CatalogRouteDeps } from './route-deps'

/** Brands (CRUD, soft delete). */
export const brandRoutes = (_deps: CatalogRouteDeps) =>
  new Elysia({ prefix: '/api/brands', detail: { tags: ['brands'] } })
