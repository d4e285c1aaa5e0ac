import type { CloudEvent } from '@commerce/contracts'
import { and, asc, count, eq, inArray, lte, type SQL, sql } from 'drizzle-orm'
import { parkedEvents } from '../db/tables'
import type { Db } from '../db/types'
import { describeError } from '../errors/describe'
import type { Logger } from '../log/index'
import { consumedEvents, parkedEventsWaiting } from '../metrics/index'
import { endSpan, traceparentFor } from '../tracing/index'
import { processCallingOut } from './call-out'
import { decodeEvent } from './codec'
import type { ConsumedRecord } from './dlq'
import { type EventHandler, EventNotYet } from './handle'
import { type HandlerIndex, handlerFor } from './handlers'
import { processInTransaction } from './process'
import { startConsumerSpan } from './trace'

// A parked event is offered again after 1 s, then 2, 4 … at most every 30 s: prerequisites usually arrive within a hop
// or two, but one held up by an outage must not be polled hot.
const firstRetryMs = 1_000
const maxRetryMs = 30_000
export const parkedRetryDelayMs = (attempts: number) => Math.min(maxRetryMs, firstRetryMs * 2 ** (attempts - 1))

/**
 * Parks an early event (the handler threw EventNotYet): one row per (consumer, event id), so a redelivery of a record
 * already parked changes nothing. The caller commits past the record once this resolved.
 */
export async function parkRecord(
  db: Db,
  parked: { consumer: string; record: ConsumedRecord; event: CloudEvent<unknown>; why: EventNotYet },
): Promise<void> {
  const now = new Date()
  const recordKey = parked.record.key?.toString('utf8') ?? null
  await db
    .insert(parkedEvents)
    .values({
      consumer: parked.consumer,
      eventId: parked.event.id,
      eventType: parked.event.type,
      topic: parked.record.topic,
      recordKey,
      payload: parked.record.value?.toString('utf8') ?? '',
      reason: parked.why.reason.slice(0, 255),
      attempts: 1,
      parkedAt: now,
      nextAttemptAt: new Date(now.getTime() + parkedRetryDelayMs(1)),
      correlationId: parked.event.correlationid,
    })
    .onDuplicateKeyUpdate({ set: { consumer: sql`${parkedEvents.consumer}` } })
}

/** What one pass over parked events did. */
export type ParkedPass = Record<'taken' | 'stillWaiting' | 'failed', number>

type ParkedRow = typeof parkedEvents.$inferSelect

interface ParkedOptions {
  db: Db
  consumer: string
  handlers: HandlerIndex
  logger: Logger
}

async function offer(options: ParkedOptions, handler: EventHandler, event: CloudEvent<unknown>) {
  const logger = options.logger.child({ eventId: event.id, type: event.type, correlationId: event.correlationid })
  const span = startConsumerSpan(options.consumer, event)
  span?.setAttribute('commerce.consumer.parked', true)
  const delivery = {
    db: options.db,
    consumer: options.consumer,
    event,
    logger,
    traceparent: traceparentFor(span, event.traceparent),
  }
  try {
    const outcome = await (handler.mode === 'calls-out'
      ? processCallingOut({ ...delivery, handler })
      : processInTransaction({ ...delivery, handler }))
    endSpan(span)
    return outcome
  } catch (error) {
    // Still early is no failure of the span: it is offered again later.
    endSpan(span, error instanceof EventNotYet ? undefined : error)
    throw error
  }
}

async function retryOne(options: ParkedOptions, row: ParkedRow): Promise<keyof ParkedPass> {
  const { db, consumer } = options
  const at = and(eq(parkedEvents.consumer, consumer), eq(parkedEvents.eventId, row.eventId))
  try {
    const event = decodeEvent(Buffer.from(row.payload, 'utf8'))
    const handler = handlerFor(options.handlers, event)
    // A handler since removed cannot take it any more: the event is as good as skipped.
    if (typeof handler !== 'string') await offer(options, handler, event)
    // Handled now, or a duplicate (handled by a redelivery meanwhile): either way its row goes.
    await db.delete(parkedEvents).where(at)
    consumedEvents.inc({ consumer, type: row.eventType, outcome: 'unparked' })
    return 'taken'
  } catch (error) {
    const attempts = row.attempts + 1
    const next = new Date(Date.now() + parkedRetryDelayMs(attempts))
    const reason = error instanceof EventNotYet ? error.reason : `failed: ${describeError(error)}`
    await db
      .update(parkedEvents)
      .set({ attempts, nextAttemptAt: next, reason: reason.slice(0, 255) })
      .where(at)
    if (error instanceof EventNotYet) return 'stillWaiting'
    options.logger.warn('a parked event failed when offered again', {
      eventId: row.eventId,
      error: describeError(error),
    })
    return 'failed'
  }
}

async function offerAll(options: ParkedOptions, where: SQL | undefined, limit: number): Promise<ParkedPass> {
  const rows = await options.db
    .select()
    .from(parkedEvents)
    .where(where)
    .orderBy(asc(parkedEvents.parkedAt))
    .limit(limit)
  const pass: ParkedPass = { taken: 0, stillWaiting: 0, failed: 0 }
  for (const row of rows) pass[await retryOne(options, row)] += 1
  return pass
}

/**
 * One pass of the `retry-parked` job for one consumer: offers each due parked event (oldest first, at most `limit`)
 * to its handler again, through the same inbox path as a live record. Taken → its row is deleted; still early → offered
 * again later with backoff; any other failure → logged and offered again later (a parked event is never dropped).
 */
export async function retryParked(options: ParkedOptions & { limit?: number }): Promise<ParkedPass> {
  const { db, consumer } = options
  const due = and(eq(parkedEvents.consumer, consumer), lte(parkedEvents.nextAttemptAt, new Date()))
  const pass = await offerAll(options, due, options.limit ?? 100)
  const [waiting] = await db.select({ n: count() }).from(parkedEvents).where(eq(parkedEvents.consumer, consumer))
  parkedEventsWaiting.set({ consumer }, waiting?.n ?? 0)
  return pass
}

/**
 * Offers the parked events of `keys` again at once, due or not: the consumer calls it after applying records of those
 * keys, since what they wait for (another event about the same order) has most likely just happened. One indexed
 * lookup finds none in the usual case; it asks the database, not this process, as any replica may have parked them.
 */
export async function retryParkedUnder(options: ParkedOptions & { keys: string[] }): Promise<ParkedPass> {
  const { consumer, keys } = options
  if (keys.length === 0) return { taken: 0, stillWaiting: 0, failed: 0 }
  const under = and(eq(parkedEvents.consumer, consumer), inArray(parkedEvents.recordKey, keys))
  return offerAll(options, under, 100)
}
