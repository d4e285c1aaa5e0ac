import { Elysia } from 'elysia'
import type { CatalogRouteDeps } from './route-deps'

/** A category's attributes (inherited by its descendants): list public, writes role ADMIN. */
export const categoryAttributeRoutes = (_deps: CatalogRouteDeps) => new Elysia()
