type Coded = { code?: unknown; errno?: unknown; cause?: unknown }

/** mysql2 errors arrive wrapped by Drizzle (DrizzleQueryError.cause); walk the cause chain to the driver error. */
function driverError(error: unknown): Coded | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const coded = current as Coded
    if (typeof coded.code === 'string' && typeof coded.errno === 'number') return coded
    current = coded.cause
  }
  return undefined
}

/** The mysql2 error code (`ER_DUP_ENTRY`…) under Drizzle's wrapping, if the error came from the driver. */
export function driverCode(error: unknown): string | undefined {
  const code = driverError(error)?.code
  return typeof code === 'string' ? code : undefined
}

/** True when a unique or primary key rejected the write (ER_DUP_ENTRY). */
export function isDuplicateKey(error: unknown): boolean {
  return driverError(error)?.code === 'ER_DUP_ENTRY'
}

const transientCodes = new Set([
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'PROTOCOL_CONNECTION_LOST',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_QUERY_INTERRUPTED',
  'ER_CONNECTION_KILLED',
])

/**
 * True for failures that a retry can cure: deadlocks, lock waits, lost or refused connections. That includes mysql2's
 * `fatal` errors without a code, such as "Can't add new command when connection is in closed state": a statement (often
 * the ROLLBACK of a failed transaction) sent on a connection MariaDB dropped, e.g. while it restarts. Taken for a bug,
 * it dead-lettered valid events and left their sagas stuck (found by e2e/chaos/mariadb.test.ts).
 */
export function isTransientDbError(error: unknown): boolean {
  const driver = driverError(error)
  if (driver) return transientCodes.has(String(driver.code))
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, fatal } = current as Coded & { fatal?: unknown }
    if ((typeof code === 'string' && transientCodes.has(code)) || (fatal === true && code === undefined)) return true
    current = (current as Coded).cause
  }
  return false
}
