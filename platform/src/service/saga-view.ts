import { asc, eq } from 'drizzle-orm'
import { outbox, parkedEvents, processedEvents } from '../db/tables'
import type { Db } from '../db/types'

/** One state change a service recorded for a saga (an order status, a payment, a stock movement), oldest first. */
export interface SagaTransition {
  /** ISO time of the change. */
  at: string
  /** What changed: `order 42`, `payment 7`, `reservation`, `ledger sku 3`. */
  subject: string
  from?: string | null
  to: string
  detail?: string
}

/** An event this service wrote to its outbox for the saga. */
export interface SagaOutboxEvent {
  id: string
  type: string
  source: string | null
  time: string
  causationId: string | null
  aggregateType: string
  aggregateId: string
}

/** An event one of this service's consumer groups took (its inbox row). */
export interface SagaInboxRow {
  consumer: string
  eventId: string
  eventType: string
  processedAt: string
}

/** An early event a consumer group parked and keeps offering to its handler. */
export interface SagaParkedRow {
  consumer: string
  eventId: string
  eventType: string
  topic: string
  reason: string
  attempts: number
  parkedAt: string
  nextAttemptAt: string
}

/** What one service knows of one saga: `GET /internal/saga/:correlationId`. */
export interface ServiceSagaView {
  service: string
  correlationId: string
  outbox: SagaOutboxEvent[]
  inbox: SagaInboxRow[]
  parked: SagaParkedRow[]
  states: SagaTransition[]
  /** Outbox and inbox rows are pruned after these (seconds): an older saga shows only what is left. */
  retention: { outboxS: number; inboxS: number }
}

// A saga has a dozen events; the cap only bounds a runaway correlation id (a load test reusing one).
const maxRows = 500

function outboxEventOf(row: typeof outbox.$inferSelect): SagaOutboxEvent {
  let envelope: { source?: unknown; time?: unknown; causationid?: unknown } = {}
  try {
    envelope = JSON.parse(row.payload)
  } catch {
    // The row is what Debezium published; an unreadable payload still shows its columns.
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : null)
  return {
    id: row.id,
    type: row.type,
    source: text(envelope.source),
    time: text(envelope.time) ?? row.createdAt.toISOString(),
    causationId: text(envelope.causationid),
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
  }
}

/** The platform tables' rows of one saga (outbox, inbox, parked), found by their indexed `correlation_id`. */
export async function readSagaRows(db: Db, correlationId: string) {
  const [sent, taken, parked] = await Promise.all([
    db
      .select()
      .from(outbox)
      .where(eq(outbox.correlationId, correlationId))
      .orderBy(asc(outbox.createdAt))
      .limit(maxRows),
    db
      .select()
      .from(processedEvents)
      .where(eq(processedEvents.correlationId, correlationId))
      .orderBy(asc(processedEvents.processedAt))
      .limit(maxRows),
    db
      .select()
      .from(parkedEvents)
      .where(eq(parkedEvents.correlationId, correlationId))
      .orderBy(asc(parkedEvents.parkedAt))
      .limit(maxRows),
  ])
  return {
    outbox: sent.map(outboxEventOf),
    inbox: taken.map((r) => ({
      consumer: r.consumer,
      eventId: r.eventId,
      eventType: r.eventType,
      processedAt: r.processedAt.toISOString(),
    })),
    parked: parked.map((r) => ({
      consumer: r.consumer,
      eventId: r.eventId,
      eventType: r.eventType,
      topic: r.topic,
      reason: r.reason,
      attempts: r.attempts,
      parkedAt: r.parkedAt.toISOString(),
      nextAttemptAt: r.nextAttemptAt.toISOString(),
    })),
  }
}
