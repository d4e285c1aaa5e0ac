import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import { FastHistogram } from './fast-histogram'

export { type BoundObserver, FastHistogram } from './fast-histogram'

/** Millisecond buckets: a local hop is single-digit ms, a slow PG call seconds. */
export const msBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000]

/** One registry per process; `/metrics` serves it. */
export const registry = new Registry()
collectDefaultMetrics({ register: registry })

/** Observed on every request: use `httpRequestDuration.series(method, route, status)` (no per-call label hashing). */
export const httpRequestDuration = new FastHistogram({
  name: 'http_server_request_duration_ms',
  help: 'HTTP request duration in milliseconds, by route template',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: msBuckets,
  registers: [registry],
})

export const consumedEvents = new Counter({
  name: 'consumer_events_total',
  help: 'Events seen by consumers, by outcome (handled, duplicate, ignored, dead_lettered, abandoned, parked, unparked)',
  labelNames: ['consumer', 'type', 'outcome'] as const,
  registers: [registry],
})

export const consumerRetries = new Counter({
  name: 'consumer_retries_total',
  help: 'Transient failures retried in place by consumers',
  labelNames: ['consumer', 'type'] as const,
  registers: [registry],
})

export const consumerHandleDuration = new Histogram({
  name: 'consumer_handle_duration_ms',
  help: 'Time from record fetch to committed transaction, in milliseconds',
  labelNames: ['consumer', 'type'] as const,
  buckets: msBuckets,
  registers: [registry],
})

export const deadLetters = new Counter({
  name: 'consumer_dead_letters_total',
  help: 'Records sent to <topic>.dlq, by reason',
  labelNames: ['consumer', 'topic', 'reason'] as const,
  registers: [registry],
})

export const consumerFatalStops = new Counter({
  name: 'consumer_fatal_stops_total',
  help: 'Consumers that stopped for good because a failure outlived its retries (the process should exit)',
  labelNames: ['consumer'] as const,
  registers: [registry],
})

export const parkedEventsWaiting = new Gauge({
  name: 'consumer_parked_events',
  help: 'Early events parked until their prerequisite arrives (set by the retry-parked job); one stuck for long needs a look',
  labelNames: ['consumer'] as const,
  registers: [registry],
})
