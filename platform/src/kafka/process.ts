import type { CloudEvent, EventMeta } from '@commerce/contracts'
import { markProcessed } from '../db/inbox'
import { tracedTransaction } from '../db/traced-transaction'
import type { Db } from '../db/types'
import type { Logger } from '../log/index'
import type { EventHandler, InTransactionHandler } from './handle'

/** One delivery of one event to one handler. */
export interface Delivery<H extends EventHandler = EventHandler> {
  db: Db
  consumer: string
  handler: H
  event: CloudEvent<unknown>
  logger: Logger
  /** The consumer span's `traceparent` (the event's own when nothing is recorded): the handler's work continues it. */
  traceparent: string | undefined
}

/**
 * The meta a handler's own events carry: the saga's correlation id, this event as their cause, and the `traceparent`
 * of the span they were made in (the event's own when nothing is recorded).
 */
export function metaOf(event: CloudEvent<unknown>, now: Date, traceparent: string | undefined): EventMeta {
  return { now, correlationId: event.correlationid, causationId: event.id, ...(traceparent ? { traceparent } : {}) }
}

/**
 * One event, one transaction: the inbox row and the handler's effect (and any outbox rows it appends) commit together,
 * so a redelivered event finds its inbox row and does nothing.
 */
export async function processInTransaction(delivery: Delivery<InTransactionHandler>): Promise<'handled' | 'duplicate'> {
  const { event } = delivery
  return tracedTransaction(delivery.db, delivery.traceparent, async (tx, traceparent) => {
    const now = new Date()
    const entry = {
      consumer: delivery.consumer,
      eventId: event.id,
      eventType: event.type,
      now,
      correlationId: event.correlationid,
    }
    if (!(await markProcessed(tx, entry))) return 'duplicate'
    await delivery.handler.run(event, { tx, meta: metaOf(event, now, traceparent), logger: delivery.logger })
    return 'handled'
  })
}
