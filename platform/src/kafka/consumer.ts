import type { Kafka } from 'kafkajs'
import type { Db } from '../db/types'
import type { Logger } from '../log/index'
import type { EventHandler } from './handle'
import { handleRecord, type RecordPipeline } from './record'
import { defaultRetryPolicy, type RetryPolicy } from './retry'

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

/**
 * Runs a consumer group: decode each record as a CloudEvent, dedupe through the inbox in the same transaction as the
 * handler's effect, retry transient failures in place, dead-letter poison and rejected records, and commit the offset
 * only after the transaction has committed (or the dead letter was acked). Partitions are handled concurrently,
 * records within a partition in order.
 */
export async function startConsumer(options: ConsumerOptions): Promise<RunningConsumer> {
  const { kafka, groupId, logger } = options
  const sessionTimeout = options.sessionTimeoutMs ?? 30_000
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    // The broker answers a fetch as soon as a record arrives; this only bounds idle waits, and so shutdown time.
    maxWaitTimeInMs: options.maxWaitTimeMs ?? 1000,
    sessionTimeout,
    heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)),
    // A record that still fails after its retries crashes the consumer instead of being skipped.
    retry: { restartOnFailure: async () => false },
  })
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false })
  await Promise.all([consumer.connect(), producer.connect()])
  await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true })

  const pipeline: RecordPipeline = {
    groupId,
    handlers: new Map(options.handlers.map((h) => [h.type, h])),
    db: options.db,
    logger,
    retry: options.retry ?? defaultRetryPolicy,
    producer,
  }
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    logger.error('consumer crashed', { groupId, error: payload.error })
    options.onFatal?.(payload.error)
  })
  await consumer.run({
    autoCommit: false,
    partitionsConsumedConcurrently: 3,
    eachMessage: async (payload) => {
      await handleRecord(pipeline, payload)
      const next = (BigInt(payload.message.offset) + 1n).toString()
      await consumer.commitOffsets([{ topic: payload.topic, partition: payload.partition, offset: next }])
    },
  })

  const stop = async () => {
    await consumer.disconnect()
    await producer.disconnect()
  }
  return { stop, [Symbol.asyncDispose]: stop }
}
