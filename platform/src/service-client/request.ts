import { isValidTraceparent } from '../http/trace-context'

/** Per-call options: query, JSON body, headers, the Idempotency-Key that makes a POST safe to retry, the caller's ids. */
export interface RequestOptions {
  query?: Record<string, string | number | readonly (string | number)[]>
  body?: unknown
  headers?: Record<string, string>
  idempotencyKey?: string
  /** The caller's request or event meta: `x-request-id` (requestId, else correlationId) and `traceparent` go along. */
  meta?: { requestId?: string; correlationId?: string; traceparent?: string }
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/

/** `baseUrl` + `path` (the caller encodes path segments) + the query; array values join with commas (`ids=1,2`). */
export function urlOf(baseUrl: string, path: string, query: RequestOptions['query'] = {}): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path)
  for (const [key, value] of Object.entries(query)) {
    url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value))
  }
  return url.toString()
}

/** The headers of a call: JSON in and out, the caller's ids when well-formed, the Idempotency-Key. */
export function outgoingHeaders(request: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers }
  if (request.body !== undefined) headers['content-type'] = 'application/json'
  if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey
  const requestId = request.meta?.requestId ?? request.meta?.correlationId
  if (requestId && requestIdPattern.test(requestId)) headers['x-request-id'] = requestId
  const traceparent = request.meta?.traceparent
  if (traceparent && isValidTraceparent(traceparent)) headers['traceparent'] = traceparent
  return headers
}
