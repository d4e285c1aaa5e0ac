const idempotentMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])

/** Safe to send twice: an idempotent method, or a POST/PATCH carrying an Idempotency-Key the server dedupes on. */
export function mayRetry(method: string, hasIdempotencyKey: boolean): boolean {
  return idempotentMethods.has(method.toUpperCase()) || hasIdempotencyKey
}

/** Statuses worth another attempt: the gateway or the service is briefly down or overloaded, or asked us to wait. */
export function isRetryableStatus(status: number): boolean {
  return status === 502 || status === 503 || status === 504 || status === 429
}

/** `Retry-After` as ms from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** Full-jitter exponential backoff (AWS): a random delay up to `baseMs · 2^attempt`, capped at `maxMs`. */
export function backoffMs(attempt: number, policy: { baseMs: number; maxMs: number }, random = Math.random): number {
  return Math.round(random() * Math.min(policy.maxMs, policy.baseMs * 2 ** attempt))
}
