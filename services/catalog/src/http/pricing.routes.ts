import { Elysia } from 'elysia'
import type { CatalogRouteDeps } from './route-deps'

/** Discount policies and promotions. */
export const pricingRoutes = (_deps: CatalogRouteDeps) => new Elysia({ detail: { tags: ['pricing'] } })
