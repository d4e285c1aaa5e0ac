import { registry } from '@commerce/platform/metrics'
import { Counter } from 'prom-client'

/**
 * Saga events by what they did to their order: `moved`, `ignored` (a duplicate or stale event: a state already
 * left), `held` (early: parked until the move it waits for), `recorded` (a note without a move, e.g. a refund of
 * a cancelled order), `unknown_order` (an event about an order this service never placed).
 */
export const sagaReactions = new Counter({
  name: 'order_saga_events_total',
  help: 'Saga events by type and what they did to the order',
  labelNames: ['type', 'reaction'] as const,
  registers: [registry],
})

export type SagaOutcome = 'moved' | 'ignored' | 'held' | 'recorded' | 'unknown_order'

/** Counts `outcome` for `type` and hands it back. */
export function counted<T extends SagaOutcome>(type: string, outcome: T): T {
  sagaReactions.inc({ type, reaction: outcome })
  return outcome
}
