import type { CloudEvent } from '@commerce/contracts'
import { ContractViolation } from '@commerce/contracts'
import type { EachMessagePayload, Producer } from 'kafkajs'
import { isTransientDbError } from '../db/errors'
import type { Db } from '../db/types'
import type { Logger } from '../log/index'
import { consumedEvents, consumerHandleDuration, consumerRetries, deadLetters } from '../metrics/index'
import { decodeEvent } from './codec'
import { type DeadLetterReason, sendToDlq } from './dlq'
import { type EventHandler, EventRejected } from './handle'
import { processInTransaction } from './process'
import { type RetryPolicy, retryTransient } from './retry'

/** What handling one record needs; built once per consumer. */
export interface RecordPipeline {
  groupId: string
  handlers: ReadonlyMap<string, EventHandler>
  db: Db
  logger: Logger
  retry: RetryPolicy
  /** Sends dead letters; acks are awaited before the offset moves. */
  producer: Producer
}

function deadLetterReason(error: unknown): DeadLetterReason {
  if (error instanceof ContractViolation) return 'contract-violation'
  if (error instanceof EventRejected) return 'rejected'
  return 'handler-error'
}

async function deadLetter(
  pipeline: RecordPipeline,
  { topic, partition, message }: EachMessagePayload,
  failure: { reason: DeadLetterReason; error: unknown; type: string },
): Promise<void> {
  const { groupId, logger } = pipeline
  logger.warn('event dead-lettered', { topic, partition, offset: message.offset, ...failure })
  await sendToDlq(pipeline.producer, { topic, partition, message, consumer: groupId, ...failure })
  deadLetters.inc({ consumer: groupId, topic, reason: failure.reason })
  consumedEvents.inc({ consumer: groupId, type: failure.type, outcome: 'dead_lettered' })
}

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
 * Takes one record to a final outcome, after which its offset may be committed: handled, duplicate, ignored (unknown
 * type) or dead-lettered. Throws only when a transient failure outlived its retries: the record must then be redelivered.
 */
export async function handleRecord(pipeline: RecordPipeline, payload: EachMessagePayload): Promise<void> {
  const { groupId } = pipeline
  let event: CloudEvent<unknown>
  try {
    event = decodeEvent(payload.message.value)
  } catch (error) {
    return deadLetter(pipeline, payload, { reason: 'undecodable', error, type: 'unknown' })
  }
  const handler = pipeline.handlers.get(event.type)
  if (!handler) {
    consumedEvents.inc({ consumer: groupId, type: event.type, outcome: 'ignored' })
    return
  }
  const started = performance.now()
  const logger = eventLogger(pipeline.logger, event)
  try {
    const outcome = await retryTransient(
      () => processInTransaction({ db: pipeline.db, consumer: groupId, handler, event, logger }),
      {
        policy: pipeline.retry,
        isTransient: isTransientDbError,
        onRetry: async (error, attempt) => {
          consumerRetries.inc({ consumer: groupId, type: event.type })
          logger.warn('transient failure, retrying', { attempt, error })
          await payload.heartbeat()
        },
      },
    )
    consumedEvents.inc({ consumer: groupId, type: event.type, outcome })
  } catch (error) {
    if (isTransientDbError(error)) throw error
    await deadLetter(pipeline, payload, { reason: deadLetterReason(error), error, type: event.type })
  }
  consumerHandleDuration.observe({ consumer: groupId, type: event.type }, performance.now() - started)
}
