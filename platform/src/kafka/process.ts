import type { CloudEvent } from '@commerce/contracts'
import { markProcessed } from '../db/inbox'
import type { Db } from '../db/types'
import type { Logger } from '../log/index'
import type { EventHandler } from './handle'

/**
 * One event, one transaction: the inbox row and the handler's effect (and any outbox rows it appends) commit together,
 * so a redelivered event finds its inbox row and does nothing.
 */
export async function processInTransaction(input: {
  db: Db
  consumer: string
  handler: EventHandler
  event: CloudEvent<unknown>
  logger: Logger
}): Promise<'handled' | 'duplicate'> {
  const { event } = input
  return input.db.transaction(async (tx) => {
    const now = new Date()
    const fresh = await markProcessed(tx, { consumer: input.consumer, eventId: event.id, eventType: event.type, now })
    if (!fresh) return 'duplicate'
    const meta = {
      now,
      correlationId: event.correlationid,
      causationId: event.id,
      ...(event.traceparent ? { traceparent: event.traceparent } : {}),
    }
    await input.handler.run(event, { tx, meta, logger: input.logger })
    return 'handled'
  })
}
