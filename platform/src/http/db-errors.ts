import { driverCode, isTransientDbError } from '../db/errors'
import { CommonErrors } from './common-errors'

// A value the schema let through but a column rejects: a missing bound in a route schema, still the caller's input.
const invalidValueCodes = new Set([
  'ER_DATA_TOO_LONG',
  'ER_WARN_DATA_OUT_OF_RANGE',
  'WARN_DATA_TRUNCATED',
  'ER_TRUNCATED_WRONG_VALUE',
  'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD',
  'ER_WRONG_VALUE_FOR_TYPE',
  'ER_DATETIME_FUNCTION_OVERFLOW',
])

/**
 * The safety net for database errors that reach the edge: a duplicate key is 409 COMMON-409, a value too long,
 * out of range or truncated is 400 COMMON-400, a deadlock, lock wait or lost connection is 503 COMMON-503 (the
 * transaction rolled back whole, so the same request may simply be sent again); undefined for anything else (a 500).
 * Messages never carry SQL.
 */
export function fromDbError(error: unknown) {
  const code = driverCode(error)
  if (code === undefined) return undefined
  if (code === 'ER_DUP_ENTRY') return CommonErrors.conflict('The resource already exists', { cause: error })
  if (invalidValueCodes.has(code)) {
    return CommonErrors.badRequest('A value is too long or out of range', { cause: error })
  }
  if (isTransientDbError(error)) {
    return CommonErrors.unavailable('A concurrent change got in the way; nothing was written, send it again', {
      cause: error,
    })
  }
  return undefined
}
