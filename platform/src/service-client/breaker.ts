import {
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleType,
  SamplingBreaker,
} from 'cockatiel'
import type { Logger } from '../log/index'
import { AttemptFailed } from './attempt'
import { serviceClientBreakerState } from './metrics'

/**
 * When the breaker opens: after `consecutiveFailures` failed attempts in a row (default 5), or when `failureRatio` of
 * the attempts in the last `windowMs` failed (with at least `minimumRps`). It lets one probe through after
 * `halfOpenAfterMs` (default 10 s): success closes it, failure opens it again.
 */
export type BreakerOptions = { halfOpenAfterMs?: number } & (
  | { consecutiveFailures?: number }
  | { failureRatio: number; windowMs: number; minimumRps?: number }
)

/** A cockatiel circuit breaker that counts network errors, timeouts and 5xx (not 4xx or 429), with a state gauge. */
export function createBreaker(client: string, options: BreakerOptions, logger: Logger): CircuitBreakerPolicy {
  const counting =
    'failureRatio' in options
      ? new SamplingBreaker({
          threshold: options.failureRatio,
          duration: options.windowMs,
          minimumRps: options.minimumRps,
        })
      : new ConsecutiveBreaker(options.consecutiveFailures ?? 5)
  const breaker = circuitBreaker(handleType(AttemptFailed), {
    halfOpenAfter: options.halfOpenAfterMs ?? 10_000,
    breaker: counting,
  })
  serviceClientBreakerState.set({ client }, CircuitState.Closed)
  breaker.onStateChange((state) => {
    serviceClientBreakerState.set({ client }, state)
    if (state === CircuitState.Open) logger.warn('circuit breaker open', { client })
    if (state === CircuitState.Closed) logger.info('circuit breaker closed', { client })
  })
  return breaker
}
