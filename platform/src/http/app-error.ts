/** One field that failed validation, as it appears in the error envelope. */
export interface FieldError {
  field: string
  value: unknown
  reason: string
}

/** Extra parts of an error beyond its code and message. */
export interface AppErrorOptions {
  cause?: unknown
  details?: string
  fieldErrors?: FieldError[]
}

const codePattern = /^[A-Z][A-Z0-9_]*-([1-5]\d\d)(?:-\d{3})?$/

/** Status carried by a code (`ORDER-409-006` → 409, `COMMON-404` → 404); throws on a malformed code. */
export function statusOf(code: string): number {
  const match = codePattern.exec(code)
  if (!match?.[1]) throw new TypeError(`Malformed error code "${code}": expected <AREA>-<status>[-<nnn>]`)
  return Number(match[1])
}

/** The one error class: the code decides the HTTP status, so code and status never disagree (SPEC §3). */
export class AppError extends Error {
  override name = 'AppError'
  readonly code: string
  readonly status: number
  readonly details: string | undefined
  readonly fieldErrors: FieldError[] | undefined

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause })
    this.code = code
    this.status = statusOf(code)
    this.details = options.details
    this.fieldErrors = options.fieldErrors
  }
}
