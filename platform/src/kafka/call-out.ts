import type { CloudEvent } from '@commerce/contracts'
import { and, eq } from 'drizzle-orm'
import { markProcessed } from '../db/inbox'
import { processedEvents } from '../db/tables'
import { tracedTransaction } from '../db/traced-transaction'
import type { AnyTx, Db } from '../db/types'
import type { CallOutContext, CallOutHandler } from './handle'
import { type Delivery, metaOf } from './process'

/** The final step found the inbox row: a concurrent delivery finished first. Rolls the final step back. */
class AlreadyProcessed extends Error {
  override name = 'AlreadyProcessed'
}

async function isProcessed(db: Db, consumer: string, event: CloudEvent<unknown>): Promise<boolean> {
  const rows = await db
    .select({ eventId: processedEvents.eventId })
    .from(processedEvents)
    .where(and(eq(processedEvents.consumer, consumer), eq(processedEvents.eventId, event.id)))
  return rows.length > 0
}

function steps(delivery: Delivery, now: Date) {
  let finished = false
  const guard = (what: string) => {
    if (finished) throw new Error(`${what} after finalStep: the inbox row is written, nothing may follow it`)
  }
  const step: CallOutContext['step'] = (fn) => {
    guard('step')
    return tracedTransaction(delivery.db, delivery.traceparent, (tx) => fn(tx as AnyTx))
  }
  const finalStep: CallOutContext['finalStep'] = async (fn) => {
    guard('finalStep')
    const { consumer, event } = delivery
    const result = await tracedTransaction(delivery.db, delivery.traceparent, async (tx) => {
      const { id: eventId, type: eventType, correlationid: correlationId } = event
      const fresh = await markProcessed(tx, { consumer, eventId, eventType, now, correlationId })
      if (!fresh) throw new AlreadyProcessed(event.id)
      return fn(tx as AnyTx)
    })
    finished = true
    return result
  }
  const read: CallOutContext['read'] = (fn) => {
    guard('read')
    return fn(delivery.db as AnyTx)
  }
  return { read, step, finalStep, isFinished: () => finished }
}

/**
 * A handler that calls out: short transaction(s), the call outside any transaction, then the final step's
 * transaction with the inbox row. A delivery that finds the inbox row does nothing; a retry or redelivery before the
 * final step committed runs the handler again from the top, so each step and the call must be idempotent per event
 * id (an upsert, an Idempotency-Key derived from the event id).
 */
export async function processCallingOut(delivery: Delivery<CallOutHandler>): Promise<'handled' | 'duplicate'> {
  const { event } = delivery
  if (await isProcessed(delivery.db, delivery.consumer, event)) return 'duplicate'
  const now = new Date()
  const { read, step, finalStep, isFinished } = steps(delivery, now)
  try {
    await delivery.handler.run(event, {
      meta: metaOf(event, now, delivery.traceparent),
      logger: delivery.logger,
      read,
      step,
      finalStep,
    })
    // A handler that decided there was nothing to do still must not run again.
    if (!isFinished()) await finalStep(async () => undefined)
  } catch (error) {
    if (error instanceof AlreadyProcessed) return 'duplicate'
    throw error
  }
  return 'handled'
}
