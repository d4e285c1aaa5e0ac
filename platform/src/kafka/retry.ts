import { abortableSleep } from './sleep'

/** Exponential backoff for transient failures: initialMs, doubling, capped at maxMs, at most maxAttempts tries. */
export interface RetryPolicy {
  initialMs: number
  maxMs: number
  maxAttempts: number
}

/** 10 tries over about 20 s: long enough for a failover or a lock queue, short enough to surface a real outage. */
export const defaultRetryPolicy: RetryPolicy = { initialMs: 100, maxMs: 5_000, maxAttempts: 10 }

/** Delay before retry number `attempt` (1-based), with ±20 % jitter so restarted consumers do not retry in step. */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** (attempt - 1))
  return Math.round(base * (0.8 + Math.random() * 0.4))
}

/**
 * Runs `fn`, retrying while `isTransient(error)` holds and attempts remain; any other error is thrown at once.
 * `onRetry` runs before each backoff (a throw there ends the retries with that error); an abort of `signal` ends a
 * backoff at once with `Abandoned`.
 */
export async function retryTransient<T>(
  fn: () => Promise<T>,
  options: {
    policy: RetryPolicy
    isTransient: (error: unknown) => boolean
    onRetry?: (error: unknown, attempt: number) => Promise<void>
    signal?: AbortSignal
  },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (error) {
      if (!options.isTransient(error) || attempt >= options.policy.maxAttempts) throw error
      await options.onRetry?.(error, attempt)
      await abortableSleep(backoffMs(options.policy, attempt), options.signal)
    }
  }
}
