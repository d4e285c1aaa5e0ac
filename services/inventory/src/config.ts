import { HttpEnv, JwtEnv, loadConfig, MariaDbEnv, RedisEnv, ServiceEnv } from '@commerce/platform/config'
import { Type } from '@sinclair/typebox'

const InventoryEnv = {
  ...ServiceEnv,
  ...JwtEnv,
  /** How long a reservation holds unless confirmed or released: longer than the payment window (15 min, SPEC §6). */
  INVENTORY_RESERVATION_TTL_S: Type.Integer({ minimum: 1, maximum: 7 * 86_400, default: 1_800 }),
  /** How often the leased expiry job releases reservations past their TTL. */
  INVENTORY_EXPIRY_EVERY_S: Type.Integer({ minimum: 1, maximum: 3_600, default: 15 }),
  /** Seconds a finished reservation record stays in Redis (MariaDB keeps every one). */
  INVENTORY_RECORD_RETENTION_S: Type.Integer({ minimum: 60, default: 7 * 86_400 }),
  /** Seconds Redis remembers an applied adjust/restock/initialize: longer than any redelivery takes. */
  INVENTORY_MARKER_RETENTION_S: Type.Integer({ minimum: 60, default: 86_400 }),
  /** How often the guard checks that Redis still holds the stock (and rebuilds it from MariaDB when it does not). */
  INVENTORY_GUARD_EVERY_S: Type.Integer({ minimum: 1, maximum: 3_600, default: 5 }),
  /** How often the leased reconcile job compares Redis, balances and ledger (`inventory_reconcile_drift_skus`). */
  INVENTORY_RECONCILE_EVERY_S: Type.Integer({ minimum: 10, maximum: 86_400, default: 300 }),
  /** The consumer group (tests run a second, crashing instance under its own). */
  INVENTORY_CONSUMER_GROUP: Type.String({ minLength: 1, default: 'inventory' }),
  /**
   * TEST-ONLY (`npm test` turns it on; never in production): `PUT /api/inventories/{skuId}/faults` (admin) and the
   * switches it sets (a confirmation of an order with that SKU fails). Off: the route does not exist (404).
   */
  INVENTORY_FAULTS_ENABLED: Type.Boolean({ default: false }),
  /** Tests only: a fault point at which the process exits (use-cases/fault-points.ts). */
  INVENTORY_CRASH_AT: Type.Optional(Type.String()),
}

/** The inventory service's config, read once at start-up. */
export const loadInventoryConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(InventoryEnv, env)
export type InventoryConfig = ReturnType<typeof loadInventoryConfig>

/**
 * What the operations CLI (cli.ts) reads: MariaDB, Redis, the record retention a rebuild restores. The local stack's
 * `.stack/env` names inventory's database `INVENTORY_MARIADB_URL`; it stands in when `MARIADB_URL` is not set.
 */
export const loadOpsConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(
    {
      ...MariaDbEnv,
      ...RedisEnv,
      LOG_LEVEL: HttpEnv.LOG_LEVEL,
      INVENTORY_RECORD_RETENTION_S: InventoryEnv.INVENTORY_RECORD_RETENTION_S,
    },
    { ...env, MARIADB_URL: env['MARIADB_URL'] ?? env['INVENTORY_MARIADB_URL'] },
  )
