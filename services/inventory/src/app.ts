import { join } from 'node:path'
import type { RedisClient } from '@commerce/platform/redis'
import type { ServiceDefinition } from '@commerce/platform/service'
import { Elysia } from 'elysia'
import type { InventoryConfig } from './config'
import { inventoryHandlers, inventoryTopics } from './consumers'
import * as schema from './db/schema'
import { type StockStore, stockStore } from './db/stock-store'
import { adjustRoutes } from './http/adjust.routes'
import { faultsRoutes } from './http/faults.routes'
import { ledgerRoutes } from './http/ledger.routes'
import { stockRoutes } from './http/stock.routes'
import { inventoryJobs } from './jobs'
import { crashAt } from './use-cases/fault-points'
import { injectedFaults } from './use-cases/injected-faults'
import { rebuildIfEmpty } from './use-cases/rebuild-redis'
import { inventorySagaStates } from './use-cases/saga-states'

/** The inventory service: Redis stock moved by Lua, a MariaDB ledger, reservations with expiry (README). */
export const inventoryService = (config: InventoryConfig): ServiceDefinition<typeof schema, InventoryConfig> => {
  const memory = { retentionS: config.INVENTORY_RECORD_RETENTION_S, markerS: config.INVENTORY_MARKER_RETENTION_S }
  // One set of scripts per Redis client, shared by routes, consumers and jobs.
  let store: StockStore | undefined
  const storeOn = (redis: RedisClient) => (store ??= stockStore(redis, memory))
  return {
    name: 'inventory',
    version: '0.1.0',
    description: 'Stock per SKU: Redis hot store moved by Lua scripts, MariaDB ledger, reservations with expiry',
    config,
    schema,
    migrationsFolder: join(import.meta.dir, '../migrations'),
    // Redis without stock (flushed, or restarted without persistence) is rebuilt from MariaDB before anything runs.
    prepare: async ({ db, redis, logger }) =>
      void (await rebuildIfEmpty({ db, redis, logger }, { retentionS: memory.retentionS })),
    sagaStates: (deps, correlationId) => inventorySagaStates(deps.db, correlationId),
    routes: ({ db, redis, logger }) => {
      const auth = { jwksUrl: config.AUTH_JWKS_URL, issuer: config.AUTH_JWT_ISSUER, audience: config.AUTH_JWT_AUDIENCE }
      const deps = { db, redis, logger, auth, store: storeOn(redis) }
      // The public reads first: jwtAuth's global derive then stays off the hot GET.
      const app = new Elysia().use(stockRoutes(deps)).use(adjustRoutes(deps)).use(ledgerRoutes(deps))
      // Test-only fault switches exist only when enabled (INVENTORY_FAULTS_ENABLED; README "Test-only fault switch").
      return config.INVENTORY_FAULTS_ENABLED ? app.use(faultsRoutes({ auth, faults: injectedFaults(redis) })) : app
    },
    consumers: ({ redis }) => [
      {
        groupId: config.INVENTORY_CONSUMER_GROUP,
        topics: inventoryTopics,
        handlers: inventoryHandlers({
          store: storeOn(redis),
          reservationTtlMs: config.INVENTORY_RESERVATION_TTL_S * 1000,
          fault: crashAt(config.INVENTORY_CRASH_AT),
          faults: config.INVENTORY_FAULTS_ENABLED ? injectedFaults(redis) : undefined,
        }),
      },
    ],
    jobs: ({ db, redis, logger }) =>
      inventoryJobs({
        db,
        redis,
        logger,
        store: storeOn(redis),
        retentionS: memory.retentionS,
        expiryEveryMs: config.INVENTORY_EXPIRY_EVERY_S * 1000,
        guardEveryMs: config.INVENTORY_GUARD_EVERY_S * 1000,
      }),
  }
}

/** The public HTTP API's route tree (no /internal routes), type only: what @commerce/client's Eden Treaty is typed from. */
export type InventoryRoutes = ReturnType<typeof stockRoutes>['~Routes'] &
  ReturnType<typeof adjustRoutes>['~Routes'] &
  ReturnType<typeof ledgerRoutes>['~Routes']
