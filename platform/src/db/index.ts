import { drizzle } from 'drizzle-orm/mysql2'
import { createPool, type Pool } from 'mysql2/promise'

import { withAfterCommit } from './after-commit'

export { afterCommit } from './after-commit'
export { isDuplicateKey, isTransientDbError } from './errors'
export {
  claimIdempotencyKey,
  findIdempotencyKey,
  type IdempotencyKeyRef,
  type IdempotencyRecord,
  pruneIdempotencyKeys,
  type StoredAnswer,
  storeIdempotentAnswer,
} from './idempotency-keys'
export { markAllProcessed, markProcessed, pruneInbox } from './inbox'
export { idempotencyKeys, jobLeases, outbox, parkedEvents, processedEvents } from './tables'
export { tracedTransaction } from './traced-transaction'

import type { Db } from './types'

export type { AnyTx, Db, Tx } from './types'

type Schema = Record<string, unknown>

export interface DbHandle<S extends Schema> {
  db: Db<S>
  pool: Pool
  close(): Promise<void>
}

/** Creates a pooled MariaDB connection (UTC, utf8mb4) wrapped in Drizzle; its transactions accept `afterCommit`. */
export function createDb<S extends Schema = Schema>(options: {
  url: string
  poolSize?: number
  schema?: S
}): DbHandle<S> {
  const pool = createPool({
    uri: options.url,
    connectionLimit: options.poolSize ?? 10,
    timezone: 'Z',
    charset: 'utf8mb4',
    supportBigNumbers: true,
    bigNumberStrings: false,
    enableKeepAlive: true,
  })
  const db = withAfterCommit(drizzle({ client: pool, schema: options.schema ?? ({} as S), mode: 'default' }))
  return { db, pool, close: () => pool.end() }
}

/** Readiness probe: one round trip. */
export async function pingDb(pool: Pool): Promise<void> {
  await pool.query('SELECT 1')
}
