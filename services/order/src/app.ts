import { join } from 'node:path'
import type { ServiceDefinition, ServiceDeps } from '@commerce/platform/service'
import { Elysia } from 'elysia'
import type { OrderConfig } from './config'
import { orderHandlers, orderTopics } from './consumers'
import * as schema from './db/schema'
import { attentionRoutes } from './http/attention.routes'
import { cartRoutes } from './http/carts.routes'
import { orderRoutes } from './http/orders.routes'
import { remoteServices } from './use-cases/remote'
import { orderSagaStates } from './use-cases/saga-states'

type Deps = ServiceDeps<typeof schema, OrderConfig>

function routeDeps(config: OrderConfig, deps: Deps) {
  // One catalog and one user client per started service (their breakers and metrics belong to that instance).
  const remote = remoteServices({
    catalog: { baseUrl: config.CATALOG_URL, timeoutMs: config.CATALOG_TIMEOUT_MS },
    user: { baseUrl: config.USER_URL, timeoutMs: config.USER_TIMEOUT_MS },
    logger: deps.logger,
  })
  return {
    db: deps.db,
    auth: { jwksUrl: config.AUTH_JWKS_URL, issuer: config.AUTH_JWT_ISSUER, audience: config.AUTH_JWT_AUDIENCE },
    remote,
    shipping: { fee: config.ORDER_SHIPPING_FEE, freeFrom: config.ORDER_FREE_SHIPPING_FROM },
  }
}

/** The order service: orders, carts and the order side of the checkout saga (README). */
export const orderService = (config: OrderConfig): ServiceDefinition<typeof schema, OrderConfig> => ({
  name: 'order',
  version: '0.1.0',
  description: 'Orders, carts and the checkout saga',
  config,
  schema,
  migrationsFolder: join(import.meta.dir, '../migrations'),
  routes: (deps) => {
    const shared = routeDeps(config, deps)
    return new Elysia().use(attentionRoutes(shared)).use(orderRoutes(shared)).use(cartRoutes(shared))
  },
  sagaStates: (deps, correlationId) => orderSagaStates(deps.db, correlationId),
  consumers: () => [{ groupId: 'order', topics: orderTopics, handlers: orderHandlers }],
})

/** The public HTTP API's route tree (no /internal routes), type only: what @commerce/client's Eden Treaty is typed from. */
export type OrderRoutes = ReturnType<typeof orderRoutes>['~Routes'] &
  ReturnType<typeof cartRoutes>['~Routes'] &
  ReturnType<typeof attentionRoutes>['~Routes']
