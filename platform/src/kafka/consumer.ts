import type { CloudEvent } from '@commerce/contracts'
import { ContractViolation } from '@commerce/contracts'
import type { EachMessagePayload, Kafka } from 'kafkajs'
import { isTransientDbError } from '../db/errors'
import type { Db } from '../db/types'
import type { Logger } from '../log/index'
import { consumedEvents, consumerHandleDuration, consumerRetries, deadLetters } from '../metrics/index'
import { decodeEvent } from './codec'
import { type DeadLetterReason, sendToDlq } from './dlq'
import { type EventHandler, EventRejected } from './handle'
import { processInTransaction } from './process'
import { defaultRetryPolicy, type RetryPolicy, retryTransient } from './retry'

export interface ConsumerOptions {
  kafka: Kafka
  /** The consumer group; also the inbox's `consumer` column. */
  groupId: string
  topics: string[]
  handlers: EventHandler[]
  db: Db
  logger: Logger
  retry?: RetryPolicy
  /** Called when the consumer cannot go on (a transient failure outlived its retries); main.ts exits the process. */
  onFatal?: (error: unknown) => void
  fromBeginning?: boolean
  /** Longest idle fetch wait; shutdown waits for the fetch in flight (default 1000 ms). */
  maxWaitTimeMs?: number
  /** How long a silent member keeps its partitions before the group moves them (default 30 s). */
  sessionTimeoutMs?: number
}

export interface RunningConsumer extends AsyncDisposable {
  stop(): Promise<void>
}

function deadLetterReason(error: unknown): DeadLetterReason {
  if (error instanceof ContractViolation) return 'contract-violation'
  if (error instanceof EventRejected) return 'rejected'
  return 'handler-error'
}

/**
 * Runs a consumer group: decode each record as a CloudEvent, dedupe through the inbox in the same transaction as the
 * handler's effect, retry transient failures in place, dead-letter poison and rejected records, and commit the offset
 * only after the transaction has committed (or the dead letter was acked).
 */
export async function startConsumer(options: ConsumerOptions): Promise<RunningConsumer> {
  const { kafka, groupId, logger } = options
  const handlers = new Map(options.handlers.map((h) => [h.type, h]))
  const retry = options.retry ?? defaultRetryPolicy
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    // The broker answers a fetch as soon as a record arrives; this only bounds idle waits, and so shutdown time.
    maxWaitTimeInMs: options.maxWaitTimeMs ?? 1000,
    sessionTimeout: options.sessionTimeoutMs ?? 30_000,
    heartbeatInterval: Math.min(3_000, Math.floor((options.sessionTimeoutMs ?? 30_000) / 3)),
    retry: { restartOnFailure: async () => false },
  })
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false })
  await Promise.all([consumer.connect(), producer.connect()])
  await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true })

  const onMessage = async ({ topic, partition, message, heartbeat }: EachMessagePayload) => {
    const started = performance.now()
    const commit = () =>
      consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }])
    const deadLetter = async (reason: DeadLetterReason, error: unknown, type: string) => {
      logger.warn('event dead-lettered', { topic, partition, offset: message.offset, reason, type, error })
      await sendToDlq(producer, { topic, partition, message, consumer: groupId, reason, error })
      deadLetters.inc({ consumer: groupId, topic, reason })
      consumedEvents.inc({ consumer: groupId, type, outcome: 'dead_lettered' })
    }

    let event: CloudEvent<unknown>
    try {
      event = decodeEvent(message.value)
    } catch (error) {
      await deadLetter('undecodable', error, 'unknown')
      return commit()
    }
    const handler = handlers.get(event.type)
    if (!handler) {
      consumedEvents.inc({ consumer: groupId, type: event.type, outcome: 'ignored' })
      return commit()
    }
    const eventLogger = logger.child({
      eventId: event.id,
      type: event.type,
      correlationId: event.correlationid,
      causationId: event.causationid,
      traceId: event.traceparent?.split('-')[1],
    })
    try {
      const outcome = await retryTransient(
        () => processInTransaction({ db: options.db, consumer: groupId, handler, event, logger: eventLogger }),
        {
          policy: retry,
          isTransient: isTransientDbError,
          onRetry: async (error, attempt) => {
            consumerRetries.inc({ consumer: groupId, type: event.type })
            eventLogger.warn('transient failure, retrying', { attempt, error })
            await heartbeat()
          },
        },
      )
      consumedEvents.inc({ consumer: groupId, type: event.type, outcome })
    } catch (error) {
      if (isTransientDbError(error)) throw error // retries exhausted: crash without committing
      await deadLetter(deadLetterReason(error), error, event.type)
    }
    consumerHandleDuration.observe({ consumer: groupId, type: event.type }, performance.now() - started)
    return commit()
  }

  consumer.on(consumer.events.CRASH, ({ payload }) => {
    logger.error('consumer crashed', { groupId, error: payload.error })
    options.onFatal?.(payload.error)
  })
  await consumer.run({ autoCommit: false, partitionsConsumedConcurrently: 3, eachMessage: onMessage })

  const stop = async () => {
    await consumer.disconnect()
    await producer.disconnect()
  }
  return { stop, [Symbol.asyncDispose]: stop }
}
