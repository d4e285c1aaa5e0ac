import { registry } from '@commerce/platform/metrics'
import { Counter } from 'prom-client'

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
