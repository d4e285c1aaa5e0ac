import type { CloudEvent } from '@commerce/contracts'
import { markAllProcessed, markProcessed } from '../db/inbox'
import { describeError } from '../errors/describe'
import { consumedEvents, consumerHandleDuration, observeEventLag } from '../metrics/index'
import { endSpan, type Span, traceparentFor } from '../tracing/index'
import { decodeEvent } from './codec'
import type { ConsumedRecord } from './dlq'
import type { InTransactionHandler } from './handle'
import { type HandlerIndex, handlerFor, type Unhandled } from './handlers'
import { metaOf } from './process'
import type { RecordPipeline } from './record'
import { startConsumerSpan } from './trace'

/** A record that may share a transaction with its neighbours: decoded, and handled in-transaction or skipped. */
export interface Planned {
  record: ConsumedRecord
  event: CloudEvent<unknown>
  handler: InTransactionHandler | Unhandled
}

/**
 * The longest run of records from the start of `records` that can commit together: it ends before a record that does
 * not decode (it goes to the DLQ on its own) or whose handler calls out (it needs transactions of its own).
 */
export function planRun(index: HandlerIndex, records: readonly ConsumedRecord[]): Planned[] {
  const run: Planned[] = []
  for (const record of records) {
    let event: CloudEvent<unknown>
    try {
      event = decodeEvent(record.value)
    } catch {
      break
    }
    const handler = handlerFor(index, event)
    if (typeof handler !== 'string' && handler.mode !== 'in-transaction') break
    run.push({ record, event, handler })
  }
  return run
}

function endSpans(spans: Map<number, Span | undefined>, result: string): void {
  for (const span of spans.values()) {
    span?.setAttributes({ 'commerce.consumer.result': result, 'commerce.consumer.shared_transaction': true })
    endSpan(span)
  }
}

/**
 * Handles a run of one partition's records in ONE transaction (inbox rows and effects of all of them), so a busy
 * partition pays one commit per run instead of one per record. All or nothing: when any record fails, everything rolls
 * back and undefined is returned; the caller then takes the run one record at a time, where retries, the budget and the
 * DLQ apply to the record that failed alone. Otherwise: the records whose effects committed (not skipped, not duplicates).
 */
export async function processTogether(
  pipeline: RecordPipeline,
  run: readonly Planned[],
): Promise<ConsumedRecord[] | undefined> {
  const takenAt = Date.now()
  const started = performance.now()
  let outcomes: ('handled' | 'duplicate' | 'ignored')[]
  // One consumer span per handled record (no transaction span: the run shares one transaction, a span one parent).
  const spans = new Map<number, Span | undefined>()
  try {
    outcomes = await pipeline.db.transaction(async (tx) => {
      const now = new Date()
      const entryOf = (event: CloudEvent<unknown>) => ({
        consumer: pipeline.groupId,
        eventId: event.id,
        eventType: event.type,
        now,
        correlationId: event.correlationid,
      })
      const handled = run.filter((p) => typeof p.handler !== 'string')
      // One statement for every inbox row of the run; a redelivered event among them → one row at a time.
      const allFresh = await markAllProcessed(
        tx,
        handled.map((p) => entryOf(p.event)),
      )
      const done: ('handled' | 'duplicate' | 'ignored')[] = []
      for (const [i, { record, event, handler }] of run.entries()) {
        if (typeof handler === 'string') {
          done.push('ignored')
          continue
        }
        if (!allFresh && !(await markProcessed(tx, entryOf(event)))) {
          done.push('duplicate')
          continue
        }
        const span = startConsumerSpan(pipeline.groupId, event, record)
        spans.set(i, span)
        const meta = metaOf(event, now, traceparentFor(span, event.traceparent))
        await handler.run(event, { tx, meta, logger: pipeline.logger })
        done.push('handled')
      }
      return done
    })
  } catch (error) {
    endSpans(spans, 'rolled back, taken alone')
    pipeline.logger.debug('a shared transaction failed; taking its records one at a time', {
      records: run.length,
      error: describeError(error),
    })
    return undefined
  }
  endSpans(spans, 'settled')
  const perRecordSeconds = (performance.now() - started) / 1000 / run.length
  run.forEach(({ event, handler }, i) => {
    // Observed only once the run committed: a failed run's records are taken (and observed) one at a time.
    if (typeof handler !== 'string') observeEventLag(pipeline.groupId, event, takenAt)
    consumedEvents.inc({ consumer: pipeline.groupId, type: event.type, outcome: outcomes[i] ?? 'handled' })
    consumerHandleDuration.observe({ consumer: pipeline.groupId, type: event.type }, perRecordSeconds)
  })
  // The records whose effects committed (not the skipped or duplicate ones).
  return run.filter((_, i) => outcomes[i] === 'handled').map((p) => p.record)
}
