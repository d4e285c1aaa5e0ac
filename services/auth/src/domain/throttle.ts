/** A throttle limit: at most `failures` failed attempts per `windowMs`. */
export interface ThrottleLimit {
  failures: number
  windowMs: number
}

/**
 * Seconds until an attempt is allowed again, given when the `limit.failures`-th most recent counted failure happened
 * (null: fewer failures than the limit, so not throttled). Once that failure leaves the window, the count drops below
 * the limit. At least 1 s.
 */
export function retryAfterSeconds(limit: ThrottleLimit, nthNewestFailureAt: Date | null, now: Date): number | null {
  if (!nthNewestFailureAt) return null
  const freeAt = nthNewestFailureAt.getTime() + limit.windowMs
  if (freeAt <= now.getTime()) return null
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000))
}
