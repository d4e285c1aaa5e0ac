import { registry } from '@commerce/platform/metrics'
import { Counter } from 'prom-client'

/**
 * Stock operations by outcome: `reserve` reserved/failed/decided-before, `confirm` confirmed/failed, `release`
 * released/nothing-held/sold, `expire` expired/settled/missing … A rising `reserve{outcome="failed"}` is sold-out
 * demand; `decided-before` counts duplicates and late events that changed nothing.
 */
export const stockOutcomes = new Counter({
  name: 'inventory_stock_operations_total',
  help: 'Stock operations by operation and outcome',
  labelNames: ['operation', 'outcome'] as const,
  registers: [registry],
})

/** Counts `outcome` for `operation` and hands it back. */
export function counted<T extends string>(operation: string, outcome: T): T {
  stockOutcomes.inc({ operation, outcome })
  return outcome
}
