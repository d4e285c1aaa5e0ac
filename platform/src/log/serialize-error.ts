import { withoutSqlParams } from '../errors/describe'

/** How deep a `cause` chain is followed; deeper causes are cut so a cyclic chain cannot loop. */
const maxDepth = 5

// Driver messages quote the offending value (`Duplicate entry 'kim@example.com' for key 'email'`).
const quotedValue = /(Duplicate entry |value: |Incorrect \w+ value: )'(?:[^'\\]|\\.)*'/g

/** Removes SQL parameters and quoted values from an error text, keeping the SQL shape and the reason. */
export function scrub(text: string): string {
  return withoutSqlParams(text, '\nparams: [REDACTED]').replace(quotedValue, "$1'[REDACTED]'")
}

interface ErrorLike {
  name?: unknown
  message?: unknown
  stack?: unknown
  code?: unknown
  errno?: unknown
  status?: unknown
  cause?: unknown
}

/** Logged shape of an error: name, message, stack, codes and its `cause` chain; never `params`, `sql` or `values`. */
export interface SerializedError {
  name: string
  message: string
  stack?: string
  code?: string | number
  errno?: number
  status?: number
  cause?: SerializedError | string
}

/** An error as logged; only an allow-list of properties, as drivers hang the SQL with its values on `sql`. */
export function serializeError(error: unknown, depth = 0): SerializedError | string {
  if (!(error instanceof Error))
    return typeof error === 'string' ? scrub(error) : (JSON.stringify(error) ?? 'undefined')
  const e = error as ErrorLike
  const out: SerializedError = { name: error.name, message: scrub(error.message) }
  if (typeof e.stack === 'string') out.stack = scrub(e.stack)
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code
  if (typeof e.errno === 'number') out.errno = e.errno
  if (typeof e.status === 'number') out.status = e.status
  if (e.cause !== undefined && depth < maxDepth) out.cause = serializeError(e.cause, depth + 1)
  return out
}
