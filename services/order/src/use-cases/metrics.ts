import { afterCommit } from '@commerce/platform/db'
import { registry } from '@commerce/platform/metrics'
import { Counter, Histogram } from 'prom-client'

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

/** The states a saga ends in (or, for NEEDS_ATTENTION, waits for an operator in; RESOLVED: closed by one): each reached one is counted. */
export const sagaOutcomeStates = [
  'CONFIRMED',
  'FAILED',
  'CANCELLED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'NEEDS_ATTENTION',
  'RESOLVED',
] as const

export const sagaOutcomes = new Counter({
  name: 'order_saga_outcomes_total',
  help: 'Orders that reached a saga outcome (CONFIRMED, FAILED, CANCELLED, PARTIALLY_REFUNDED, REFUNDED, NEEDS_ATTENTION, RESOLVED)',
  labelNames: ['outcome'] as const,
  registers: [registry],
})

export const sagaDuration = new Histogram({
  name: 'order_saga_duration_seconds',
  help: 'Seconds from order creation to the moment it reached the outcome',
  labelNames: ['outcome'] as const,
  // A checkout takes seconds; the reservation TTL cancels after minutes; a refund may follow days later.
  buckets: [0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 1800, 3600, 21_600, 86_400, 604_800],
  registers: [registry],
})

/**
 * Counts an order reaching `to` once its transaction commits (a rolled-back or redelivered one counts nothing), with
 * its age then. A move within a state (a second partial refund) is not a new outcome.
 */
export function countSagaOutcome(tx: object, move: { from: string; to: string; createdAt: Date; at: Date }): void {
  const outcome = sagaOutcomeStates.find((state) => state === move.to)
  if (!outcome || move.from === move.to) return
  const seconds = Math.max(0, move.at.getTime() - move.createdAt.getTime()) / 1000
  afterCommit(tx, () => {
    sagaOutcomes.inc({ outcome })
    sagaDuration.observe({ outcome }, seconds)
  })
}
