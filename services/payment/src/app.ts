import { join } from 'node:path'
import type { ServiceDefinition } from '@commerce/platform/service'
import { Elysia } from 'elysia'
import type { PaymentConfig } from './config'
import * as schema from './db/schema'

/**
 * The payment service (README). For now its skeleton: it starts, migrates, and serves health, metrics and OpenAPI
 * like every service; payments, the PG calls and the saga consumers come with issue 11 (domain/ and gateway/ hold the
 * state machine and the Toss client).
 */
export const paymentService = (config: PaymentConfig): ServiceDefinition<typeof schema, PaymentConfig> => ({
  name: 'payment',
  version: '0.1.0',
  description: 'Payments through the PG (Toss v1 shapes) for the checkout saga (being built: issue 11)',
  config,
  schema,
  migrationsFolder: join(import.meta.dir, '../migrations'),
  routes: () => new Elysia(),
})
