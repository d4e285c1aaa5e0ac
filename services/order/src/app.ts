import { join } from 'node:path'
import type { ServiceDefinition } from '@commerce/platform/service'
import { Elysia } from 'elysia'
import type { OrderConfig } from './config'
import * as schema from './db/schema'

/**
 * The order service (README). For now its skeleton: it starts, migrates, and serves health, metrics and OpenAPI like
 * every service; orders, carts and the saga consumers come with issue 11 (the state machine is in domain/).
 */
export const orderService = (config: OrderConfig): ServiceDefinition<typeof schema, OrderConfig> => ({
  name: 'order',
  version: '0.1.0',
  description: 'Orders, carts and the checkout saga (being built: issue 11)',
  config,
  schema,
  migrationsFolder: join(import.meta.dir, '../migrations'),
  routes: () => new Elysia(),
})
