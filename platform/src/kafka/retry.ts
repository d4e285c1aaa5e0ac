/** Exponential backoff for transient failures: initialMs, doubling, capped at maxMs, at most maxAttempts tries. */
export interface RetryPolicy {
  initialMs: number
  maxMs: number
  maxAttempts: number
}

export const defaultRetryPolicy: RetryPolicy = { initialMs: 100, maxMs: 5_000, maxAttempts: 10 }

/** Delay before retry number `attempt` (1-based), with ±20 % jitter so restarted consumers do not retry in step. */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** (attempt - 1))
  return Math.round(base * (0.8 + Math.random() * 0.4))
}

/** Runs `fn`, retrying while `isTransient(error)` holds and attempts remain; any other error is thrown at once. */
export async function retryTransient<T>(
  fn: () => Promise<T>,
  options: {
    policy: RetryPolicy
    isTransient: (error: unknown) => boolean
    onRetry?: (error: unknown, attempt: number) => Promise<void>
  },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (error) {
      if (!options.isTransient(error) || attempt >= options.policy.maxAttempts) throw error
      await options.onRetry?.(error, attempt)
      await Bun.sleep(backoffMs(options.policy, attempt))
    }
  }
}
