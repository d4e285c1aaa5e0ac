import { Counter, Gauge, Histogram } from 'prom-client'
import { registry, secondsBuckets } from '../metrics/index'

/** Outcome of one call (all its attempts): success, client_error (remote 4xx), unavailable, breaker_open. */
export type CallOutcome = 'success' | 'client_error' | 'unavailable' | 'breaker_open'

export const serviceClientRequests = new Counter({
  name: 'service_client_requests_total',
  help: 'Calls to other services, by client, method and outcome (success, client_error, unavailable, breaker_open)',
  labelNames: ['client', 'method', 'outcome'] as const,
  registers: [registry],
})

export const serviceClientDuration = new Histogram({
  name: 'service_client_request_duration_seconds',
  help: 'Duration of calls to other services, retries included, in seconds',
  labelNames: ['client', 'method', 'outcome'] as const,
  buckets: secondsBuckets,
  registers: [registry],
})

export const serviceClientRetries = new Counter({
  name: 'service_client_retries_total',
  help: 'Attempts repeated after a network error, timeout, 502/503/504 or 429',
  labelNames: ['client', 'method'] as const,
  registers: [registry],
})

/** 0 closed, 1 open, 2 half-open, 3 isolated (cockatiel's CircuitState). */
export const serviceClientBreakerState = new Gauge({
  name: 'service_client_breaker_state',
  help: 'Circuit breaker state per client: 0 closed, 1 open, 2 half-open, 3 isolated',
  labelNames: ['client'] as const,
  registers: [registry],
})
