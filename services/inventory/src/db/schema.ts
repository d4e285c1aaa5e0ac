import { bigint, datetime, index, json, mysqlTable, varchar } from 'drizzle-orm/mysql-core'

export { idempotencyKeys, jobLeases, outbox, parkedEvents, processedEvents } from '@commerce/platform/db'

const id = (name: string) => bigint(name, { mode: 'number', unsigned: true })
const at = (name: string) => datetime(name, { mode: 'date', fsp: 3 })

/**
 * Per-SKU balances, the durable copy of what Redis holds: `available` (on sale) and `reserved` (held for unpaid
 * orders); on hand = available + reserved. Written only next to the ledger rows that explain the change, in the same
 * transaction, so `balance = Σ ledger` always holds in MariaDB; Redis is rebuilt from here. `available` may dip below
 * zero for a moment here (commits can land in another order than the Redis scripts ran), never in Redis.
 */
export const stockBalances = mysqlTable('stock_balances', {
  skuId: id('sku_id').primaryKey(),
  available: bigint('available', { mode: 'number' }).notNull(),
  reserved: bigint('reserved', { mode: 'number' }).notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
})

/**
 * One row per applied stock operation, by its business key (`reserve:42`, `release:42`, `restock:42:7`,
 * `adjust:<uuid>`, `initialize:9` …). Its primary key is what makes each movement happen once in MariaDB whatever
 * redelivers it: a second insert of the same key finds it and the step does nothing (STYLE §5.4, SPEC §5).
 */
export const stockOperations = mysqlTable('stock_operations', {
  opKey: varchar('op_key', { length: 120 }).primaryKey(),
  kind: varchar('kind', { length: 20 }).notNull(),
  orderId: id('order_id'),
  createdAt: at('created_at').notNull(),
})

/** The ledger: every movement of every SKU, with the deltas it made; balances are its running sums. */
export const stockLedger = mysqlTable(
  'stock_ledger',
  {
    id: id('id').autoincrement().primaryKey(),
    opKey: varchar('op_key', { length: 120 }).notNull(),
    skuId: id('sku_id').notNull(),
    // INITIALIZE | RESERVE | CONFIRM | RELEASE | EXPIRE | RESTOCK | ADJUST
    kind: varchar('kind', { length: 20 }).notNull(),
    orderId: id('order_id'),
    availableDelta: bigint('available_delta', { mode: 'number' }).notNull(),
    reservedDelta: bigint('reserved_delta', { mode: 'number' }).notNull(),
    // ADJUST: the admin's reason and user id.
    reason: varchar('reason', { length: 200 }),
    actorId: id('actor_id'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('stock_ledger_sku_idx').on(t.skuId, t.id), index('stock_ledger_order_idx').on(t.orderId)],
)

/**
 * Each order's reservation as MariaDB last recorded it: the expiry job scans RESERVED rows past `expiresAt`, rebuild
 * restores RESERVED ones into Redis, and a row of any status tells a late `order.placed` it was already decided.
 */
export const reservations = mysqlTable(
  'reservations',
  {
    orderId: id('order_id').primaryKey(),
    // RESERVED | FAILED | CONFIRMED | RELEASED | EXPIRED | CANCELLED (cancelled before anything was reserved)
    status: varchar('status', { length: 20 }).notNull(),
    items: json('items').$type<{ skuId: number; quantity: number }[]>().notNull(),
    expiresAt: at('expires_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('reservations_due_idx').on(t.status, t.expiresAt)],
)
