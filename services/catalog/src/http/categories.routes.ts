import { Elysia } from 'elysia'
import type { CatalogRouteDeps } from './route-deps'

/** Categories (tree, children, attributes). */
export const categoryRoutes = (_deps: CatalogRouteDeps) =>
  new Elysia({ prefix: '/api/categories', detail: { tags: ['categories'] } })
