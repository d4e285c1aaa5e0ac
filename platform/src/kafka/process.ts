import type { CloudEvent, EventMeta } from '@commerce/contracts'
import { markProcessed } from '../db/inbox'
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
}

/** The meta a handler's own events carry: the saga's correlation id, this event as their cause. */
export function metaOf(event: CloudEvent<unknown>, now: Date): EventMeta {
  return {
    now,
    correlationId: event.correlationid,
    causationId: event.id,
    ...(event.traceparent ? { traceparent: event.traceparent } : {}),
  }
}

/**
 * One event, one transaction: the inbox row and the handler's effect (and any outbox rows it appends) commit together,
 * so a redelivered event finds its inbox row and does nothing.
 */
export async function processInTransaction(delivery: Delivery<InTransactionHandler>): Promise<'handled' | 'duplicate'> {
  const { event } = delivery
  return delivery.db.transaction(async (tx) => {
    const now = new Date()
    const entry = {
      consumer: delivery.consumer,
      eventId: event.id,
      eventType: event.type,
      now,
      correlationId: event.correlationid,
    }
    if (!(await markProcessed(tx, entry))) return 'duplicate'
    await delivery.handler.run(event, { tx, meta: metaOf(event, now), logger: delivery.logger })
    return 'handled'
  })
}
