import { registry } from '@commerce/platform/metrics'
import { Counter, Histogram } from 'prom-client'

/**
 * Payment outcomes by operation: `create` created/cancelled-first/exists, `confirm` approved/declined/not-processed/
 * unknown/…, `cancel` voided/refund/in-flight/nothing, `refund` done/retry/failed, `expire` expired, `settle` … A
 * rising `confirm{outcome="unknown"}` means the PG is not answering; `refund{outcome="failed"}` needs an operator.
 */
export const paymentOutcomes = new Counter({
  name: 'payment_outcomes_total',
  help: 'Payment operations by operation and outcome',
  labelNames: ['operation', 'outcome'] as const,
  registers: [registry],
})

/** Counts `outcome` for `operation` and hands it back. */
export function counted<T extends string>(operation: string, outcome: T): T {
  paymentOutcomes.inc({ operation, outcome })
  return outcome
}

/**
 * Every PG call (retries included) by operation (confirm, cancel, inquiry) and what it came to: `done`, `refused`
 * (the PG said no), `unknown` (no answer: timeout, 5xx past the retries, breaker open), `error` (a bug on our side).
 */
export const pgRequestDuration = new Histogram({
  name: 'payment_pg_request_duration_seconds',
  help: 'PG call duration in seconds, retries included, by operation and outcome',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
})
