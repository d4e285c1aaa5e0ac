import type { ErrorCode } from './error-codes'

/** A field the server refused, with the value it got and why (SPEC §3). */
export interface FieldError {
  field: string
  value: unknown
  reason: string
}

/** The `error` of the error envelope: one shape for every error, 401 and 403 included (SPEC §3). */
export interface ApiErrorBody {
  /** An `ErrorCode`; typed loosely as well so a code added server-side after this build still reads. */
  code: ErrorCode | (string & {})
  message: string
  details?: string
  fieldErrors?: FieldError[]
}

/** What a call answered: `ok` with the envelope's `data`, or the envelope's `error` and the HTTP status. */
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiErrorBody }

/** Code of an answer that was not the error envelope (a proxy's HTML page, a dropped connection). */
export const NOT_AN_ENVELOPE = 'CLIENT-000-001'

/** A refused call as an exception (`unwrap`): the envelope's error plus the HTTP status. */
export class ApiError extends Error implements ApiErrorBody {
  readonly status: number
  readonly code: ApiErrorBody['code']
  readonly details?: string
  readonly fieldErrors?: FieldError[]

  constructor(status: number, body: ApiErrorBody) {
    super(`${status} ${body.code}: ${body.message}`)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    if (body.details !== undefined) this.details = body.details
    if (body.fieldErrors !== undefined) this.fieldErrors = body.fieldErrors
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** The envelope's `error` from whatever an error answer carried (`value` of an Eden error, or a parsed body). */
export function errorBodyOf(value: unknown, status: number): ApiErrorBody {
  const error = isRecord(value) ? value['error'] : undefined
  if (isRecord(error) && typeof error['code'] === 'string' && typeof error['message'] === 'string') {
    return error as unknown as ApiErrorBody
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return { code: NOT_AN_ENVELOPE, message: `HTTP ${status} without the error envelope`, details: text?.slice(0, 500) }
}
