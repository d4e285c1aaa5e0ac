import { AppError, statusOf } from '../http/app-error'

/** Why a call could not get an answer from the remote service. */
export type UnavailableReason = 'network' | 'timeout' | 'server-error' | 'rate-limited' | 'breaker-open' | 'deadline'

/**
 * A called service answered with a 4xx error envelope: an AppError carrying the remote's code (`CATALOG-404-001`),
 * so a route can map it to its own (`ORDER-422-001`) or let it through. Permanent for the consumer runner.
 */
export class RemoteError extends AppError {
  override name = 'RemoteError'
  readonly service: string

  constructor(service: string, options: { code: string; message: string; details?: string }) {
    super(options.code, options.message, options.details ? { details: options.details } : {})
    this.service = service
  }
}

/**
 * The called service did not answer usefully: network error, timeout, 5xx, 429 past the retries, open breaker.
 * Its code is a 503 (`COMMON-503` or the caller's own, e.g. `ORDER-503-002`), so the HTTP kit answers 503 and the
 * consumer runner's `classifyError` sees `status` 503 and retries in place (transient) instead of dead-lettering.
 */
export class ServiceUnavailable extends AppError {
  override name = 'ServiceUnavailable'
  readonly service: string
  readonly reason: UnavailableReason
  /** The remote's last HTTP status, when it answered at all. */
  readonly remoteStatus: number | undefined

  constructor(
    service: string,
    options: { code: string; reason: UnavailableReason; cause?: unknown; remoteStatus?: number },
  ) {
    super(options.code, 'Service temporarily unavailable', { cause: options.cause })
    this.service = service
    this.reason = options.reason
    this.remoteStatus = options.remoteStatus
  }
}

/** Throws at start-up when a client is given an "unavailable" code that does not map to 503. */
export function checkUnavailableCode(code: string): string {
  if (statusOf(code) !== 503) throw new TypeError(`unavailableCode must be a 503 code, got ${code}`)
  return code
}

const remoteCode = /^[A-Z][A-Z0-9_]*-4\d\d(?:-\d{3})?$/

/** The AppError for a remote 4xx: its envelope's code when well-formed, else `COMMON-<status>`. */
export function remoteError(service: string, status: number, body: unknown): RemoteError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error
  const code = typeof error?.code === 'string' && remoteCode.test(error.code) ? error.code : `COMMON-${status}`
  const message = typeof error?.message === 'string' ? error.message : `${service} refused the request`
  const details = typeof error?.details === 'string' ? error.details : undefined
  return new RemoteError(service, { code, message, ...(details ? { details } : {}) })
}
