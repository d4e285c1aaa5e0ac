import type { CloudEvent } from '@commerce/contracts'
import { ContractViolation } from '@commerce/contracts'
import type { Producer } from 'kafkajs'
import type { Db } from '../db/types'
import { isTransient } from '../errors/classify'
import { describeError } from '../errors/describe'
import { TransientError } from '../errors/marked'
import type { Logger } from '../log/index'
import { consumedEvents, consumerHandleDuration, consumerRetries, deadLetters, observeEventLag } from '../metrics/index'
import { endSpan, type Span, traceparentFor } from '../tracing/index'
import { processCallingOut } from './call-out'
import { decodeEvent } from './codec'
import { type ConsumedRecord, type DeadLetterReason, sendToDlq } from './dlq'
import { type EventHandler, EventNotYet, EventRejected } from './handle'
import { type HandlerIndex, handlerFor } from './handlers'
import { parkRecord } from './park'
import { processInTransaction } from './process'
import { type RetryPolicy, retryTransient } from './retry'
import { Abandoned } from './sleep'
import { startConsumerSpan } from './trace'

/** What handling one record needs; built once per consumer. */
export interface RecordPipeline {
  groupId: string
  handlers: HandlerIndex
  db: Db
  logger: Logger
  retry: RetryPolicy
  /** Sends dead letters; acks are awaited before the offset moves. */
  producer: Producer
  /** Aborted when the consumer stops: backoffs end and the record in hand is abandoned. */
  signal: AbortSignal
  /** Consecutive records of a partition that may share one transaction (group-commit.ts). */
  maxRecordsPerTransaction: number
}

/** One record in hand, with the group heartbeat that proves this member still owns its partition. */
export interface RecordInHand {
  record: ConsumedRecord
  heartbeat: () => Promise<void>
}

/**
 * `settled`: handled, duplicate, ignored or dead-lettered; commit past it. `abandoned`: the consumer is stopping or
 * lost the partition; neither commit nor dead-letter, the partition's owner gets it again. `exhausted`: a transient
 * failure outlived the retry budget; the consumer must stop without committing.
 */
export type RecordResult =
  | { kind: 'settled'; applied?: boolean }
  | { kind: 'abandoned'; cause: unknown }
  | { kind: 'exhausted'; error: unknown }

type Outcome = 'handled' | 'duplicate' | 'dead_lettered' | 'parked'

function deadLetterReason(error: unknown): DeadLetterReason {
  if (error instanceof ContractViolation) return 'contract-violation'
  if (error instanceof EventRejected) return 'rejected'
  return 'handler-error'
}

async function deadLetter(
  pipeline: RecordPipeline,
  record: ConsumedRecord,
  failure: { reason: DeadLetterReason; error: unknown },
): Promise<'dead_lettered'> {
  const { groupId, logger } = pipeline
  const { topic, partition, offset } = record
  logger.warn('event dead-lettered', {
    topic,
    partition,
    offset,
    reason: failure.reason,
    error: describeError(failure.error),
  })
  try {
    await sendToDlq(pipeline.producer, { record, consumer: groupId, ...failure })
  } catch (error) {
    // A dead letter that was not written must not be committed past: retry it, and stop when that fails too.
    throw new TransientError('dead letter not written', { cause: error })
  }
  deadLetters.inc({ consumer: groupId, topic, reason: failure.reason })
  return 'dead_lettered'
}

function process(
  pipeline: RecordPipeline,
  handler: EventHandler,
  at: { event: CloudEvent<unknown>; logger: Logger; traceparent: string | undefined },
) {
  const delivery = { db: pipeline.db, consumer: pipeline.groupId, ...at }
  return handler.mode === 'calls-out'
    ? processCallingOut({ ...delivery, handler })
    : processInTransaction({ ...delivery, handler })
}

/** Runs `attempt` under the one retry budget; a failed heartbeat or a stop abandons the record. */
async function settle(
  pipeline: RecordPipeline,
  inHand: RecordInHand & { type: string; logger: Logger },
  attempt: () => Promise<Outcome>,
): Promise<RecordResult> {
  const { groupId } = pipeline
  try {
    const outcome = await retryTransient(attempt, {
      policy: pipeline.retry,
      isTransient,
      signal: pipeline.signal,
      onRetry: async (error, n) => {
        consumerRetries.inc({ consumer: groupId, type: inHand.type })
        inHand.logger.warn('transient failure, retrying', { attempt: n, error: describeError(error) })
        // Fails when the group is rebalancing or dropped this member: the partition may no longer be ours.
        await inHand
          .heartbeat()
          .catch((lost: unknown) => Promise.reject(new Abandoned('lost the group', { cause: lost })))
      },
    })
    consumedEvents.inc({ consumer: groupId, type: inHand.type, outcome })
    // `applied`: its effect committed just now (not a duplicate, a dead letter or a parked record).
    return outcome === 'handled' ? { kind: 'settled', applied: true } : { kind: 'settled' }
  } catch (error) {
    if (!(error instanceof Abandoned)) return { kind: 'exhausted', error }
    consumedEvents.inc({ consumer: groupId, type: inHand.type, outcome: 'abandoned' })
    inHand.logger.warn('record abandoned, not committed', { ...position(inHand.record), why: describeError(error) })
    return { kind: 'abandoned', cause: error.cause }
  }
}

const position = ({ topic, partition, offset }: ConsumedRecord) => ({ topic, partition, offset })

function eventLogger(logger: Logger, event: CloudEvent<unknown>): Logger {
  return logger.child({
    eventId: event.id,
    type: event.type,
    correlationId: event.correlationid,
    causationId: event.causationid,
    traceId: event.traceparent?.split('-')[1],
  })
}

/**
 * Takes one record to a result (see RecordResult). Transient failures, including a dead letter that could not be
 * written, are retried in place under one budget; anything else is dead-lettered.
 */
export async function handleRecord(pipeline: RecordPipeline, inHand: RecordInHand): Promise<RecordResult> {
  const { groupId } = pipeline
  const { record } = inHand
  const takenAt = Date.now()
  let event: CloudEvent<unknown>
  try {
    event = decodeEvent(record.value)
  } catch (error) {
    const context = { ...inHand, type: 'unknown', logger: pipeline.logger }
    return settle(pipeline, context, () => deadLetter(pipeline, record, { reason: 'undecodable', error }))
  }
  const handler = handlerFor(pipeline.handlers, event)
  if (typeof handler === 'string') {
    consumedEvents.inc({ consumer: groupId, type: event.type, outcome: 'ignored' })
    pipeline.logger.debug('event skipped', {
      ...position(record),
      type: event.type,
      dataschema: event.dataschema,
      why: handler,
    })
    return { kind: 'settled' }
  }
  observeEventLag(groupId, event, takenAt)
  const started = performance.now()
  const logger = eventLogger(pipeline.logger, event)
  const span = startConsumerSpan(groupId, event, record)
  const traceparent = traceparentFor(span, event.traceparent)
  const result = await settle(pipeline, { ...inHand, type: event.type, logger }, async () => {
    try {
      return noted(span, await process(pipeline, handler, { event, logger, traceparent }))
    } catch (error) {
      if (error instanceof EventNotYet) {
        logger.info('early event parked until its prerequisite arrives', { ...position(record), reason: error.reason })
        await parkRecord(pipeline.db, { consumer: groupId, record, event, why: error })
        return noted(span, 'parked')
      }
      if (isTransient(error)) throw error
      span?.recordException(error instanceof Error ? error : String(error))
      return noted(span, await deadLetter(pipeline, record, { reason: deadLetterReason(error), error }))
    }
  })
  consumerHandleDuration.observe({ consumer: groupId, type: event.type }, (performance.now() - started) / 1000)
  endConsumerSpan(span, result)
  return result
}

/** The outcome on the consumer span (the last attempt's wins). */
function noted(span: Span | undefined, outcome: Outcome): Outcome {
  span?.setAttribute('commerce.consumer.outcome', outcome)
  return outcome
}

function endConsumerSpan(span: Span | undefined, result: RecordResult): void {
  if (span === undefined) return
  span.setAttribute('commerce.consumer.result', result.kind)
  endSpan(span, result.kind === 'exhausted' ? result.error : undefined)
}
