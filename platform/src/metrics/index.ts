import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import { FastHistogram } from './fast-histogram'

export { type BoundObserver, FastHistogram } from './fast-histogram'
export { leaveOut, scrapeReading } from './scrape-reading'

/** Duration buckets in seconds (Prometheus base unit): a local hop is a few ms, a slow PG call seconds. */
export const secondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/** One registry per process; `/metrics` serves it. */
export const registry = new Registry()
collectDefaultMetrics({ register: registry })

/** Observed on every request: use `httpRequestDuration.series(method, route, status)` (no per-call label hashing). */
export const httpRequestDuration = new FastHistogram({
  name: 'http_server_request_duration_seconds',
  help: 'HTTP request duration in seconds, by route template',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: secondsBuckets,
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
  name: 'consumer_handle_duration_seconds',
  help: 'Time from record fetch to committed transaction, in seconds',
  labelNames: ['consumer', 'type'] as const,
  buckets: secondsBuckets,
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

/** Outbox → consumer: seconds from the CloudEvent `time` (set when the producer wrote the outbox row) to handling. */
export const consumerEventLag = new Histogram({
  name: 'consumer_event_lag_seconds',
  help: 'Seconds from the CloudEvent time (outbox row written) to the consumer taking the event in hand',
  labelNames: ['consumer', 'type'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers: [registry],
})

export const consumerGroupLag = new Gauge({
  name: 'consumer_group_lag',
  help: 'Records behind the partition end: high watermark of the last fetch minus the next offset to consume, per assigned partition',
  labelNames: ['group', 'topic', 'partition'] as const,
  registers: [registry],
})

/**
 * Observes the outbox → consumer lag of an event taken in hand at `atMs` (epoch ms). An event without a readable `time`
 * is not observed; a negative lag (clock skew between hosts) counts as 0.
 */
export function observeEventLag(consumer: string, event: { type: string; time?: unknown }, atMs: number): void {
  const writtenAt = typeof event.time === 'string' ? Date.parse(event.time) : Number.NaN
  if (Number.isNaN(writtenAt)) return
  consumerEventLag.observe({ consumer, type: event.type }, Math.max(0, atMs - writtenAt) / 1000)
}
