import { join } from 'node:path'
import type { ServiceDefinition } from '@commerce/platform/service'
import { Elysia } from 'elysia'
import type { CatalogConfig } from './config'
import { catalogHandlers } from './consumers'
import * as schema from './db/schema'
import { brandRoutes } from './http/brands.routes'
import { categoryRoutes } from './http/categories.routes'
import { internalRoutes } from './http/internal.routes'
import { pricingRoutes } from './http/pricing.routes'
import { productReadRoutes } from './http/product-reads.routes'
import { productWriteRoutes } from './http/products.routes'
import { catalogJobs } from './jobs'
import { seedCatalog } from './seed'

/** The catalog service: categories, brands, products → SKUs, pricing, cached reads (README). */
export const catalogService = (config: CatalogConfig): ServiceDefinition<typeof schema, CatalogConfig> => ({
  name: 'catalog',
  version: '0.1.0',
  description: 'Categories, brands, products with options and SKUs, pricing; public reads, admin writes',
  config,
  schema,
  migrationsFolder: join(import.meta.dir, '../migrations'),
  routes: ({ db, redis, logger }) => {
    const auth = { jwksUrl: config.AUTH_JWKS_URL, issuer: config.AUTH_JWT_ISSUER, audience: config.AUTH_JWT_AUDIENCE }
    const deps = { db, redis, logger, auth }
    return new Elysia()
      .use(categoryRoutes(deps))
      .use(brandRoutes(deps))
      .use(productReadRoutes(deps))
      .use(productWriteRoutes(deps))
      .use(pricingRoutes(deps))
      .use(internalRoutes(deps))
  },
  consumers: ({ redis }) => [
    { topics: ['commerce.inventory.events', 'commerce.order.events'], handlers: catalogHandlers({ redis }) },
  ],
  jobs: ({ db, redis }) => catalogJobs({ db, redis, everyMs: config.CATALOG_PRICING_EVERY_S * 1000 }),
  seed: ({ db }) => seedCatalog({ db }),
})

/** The public HTTP API's route tree (no /internal routes), type only: what @commerce/client's Eden Treaty is typed from. */
export type CatalogRoutes = ReturnType<typeof categoryRoutes>['~Routes'] &
  ReturnType<typeof brandRoutes>['~Routes'] &
  ReturnType<typeof productReadRoutes>['~Routes'] &
  ReturnType<typeof productWriteRoutes>['~Routes'] &
  ReturnType<typeof pricingRoutes>['~Routes']
