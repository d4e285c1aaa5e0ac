import { type TSchema, t } from 'elysia'
import type { AppError, FieldError } from './app-error'

/** Success body (SPEC §3). */
export interface OkBody<T> {
  success: true
  data: T
  timestamp: string
}

/** Success body of an operation that returns nothing: `data` is omitted, as in the original. */
export interface EmptyOkBody {
  success: true
  timestamp: string
}

/** Error body (SPEC §3): one shape for every error, 401 and 403 included. */
export interface ErrorBody {
  success: false
  error: { code: string; message: string; details?: string; fieldErrors?: FieldError[] }
  timestamp: string
}

const Timestamp = t.String({ format: 'date-time' })

/** Wraps `data` in the success envelope; pair it with `Envelope(schema)` in the route's `response`. */
export function ok(): EmptyOkBody
export function ok<T>(data: T): OkBody<T>
export function ok<T>(...args: [] | [T]): OkBody<T> | EmptyOkBody {
  const timestamp = new Date().toISOString()
  return args.length === 0 ? { success: true, timestamp } : { success: true, data: args[0], timestamp }
}

/** Response schema of `ok(data)`, so OpenAPI documents what is really sent. */
export const Envelope = <T extends TSchema>(data: T) =>
  t.Object({ success: t.Literal(true), data, timestamp: Timestamp })

/** Response schema of `ok()`. */
export const EmptyEnvelope = t.Object({ success: t.Literal(true), timestamp: Timestamp })

/** Response schema of every error, for routes that document their 4xx answers. */
export const ErrorEnvelope = t.Object({
  success: t.Literal(false),
  error: t.Object({
    code: t.String(),
    message: t.String(),
    details: t.Optional(t.String()),
    fieldErrors: t.Optional(t.Array(t.Object({ field: t.String(), value: t.Unknown(), reason: t.String() }))),
  }),
  timestamp: Timestamp,
})

/** The error envelope for an AppError; optional parts are omitted rather than null. */
export function errorBody(error: AppError): ErrorBody {
  const { code, message, details, fieldErrors } = error
  return {
    success: false,
    error: { code, message, ...(details ? { details } : {}), ...(fieldErrors ? { fieldErrors } : {}) },
    timestamp: new Date().toISOString(),
  }
}
