import type { Kafka } from 'kafkajs'
import { headerValue } from './codec'
import { withoutDlqHeaders } from './dlq'

export interface ReplayOptions {
  kafka: Kafka
  /** The dead-letter topic, e.g. `commerce.order.events.dlq`. */
  dlqTopic: string
  /** Replay at most this many records (default: all that are there when the replay starts). */
  limit?: number
  /** Replay only records whose `dlq-reason` header is one of these. */
  reasons?: string[]
}

/** The replay group's committed offset marks what was already moved back, so running a replay twice moves nothing. */
export const REPLAY_GROUP = 'commerce-dlq-replay'

async function endOffsets(kafka: Kafka, topic: string): Promise<Map<number, bigint>> {
  const admin = kafka.admin()
  await admin.connect()
  try {
    const offsets = await admin.fetchTopicOffsets(topic)
    return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]))
  } finally {
    await admin.disconnect()
  }
}

/**
 * Moves dead letters back to the topic they came from (header `dlq-original-topic`), with their key, value and
 * original headers; stops at the end the DLQ had when the replay started. Consumers dedupe by event id, so a record
 * that some group already handled is harmless. Returns how many records were moved and skipped.
 */
export async function replayDlq(options: ReplayOptions): Promise<{ moved: number; skipped: number }> {
  const { kafka, dlqTopic } = options
  const ends = await endOffsets(kafka, dlqTopic)
  const pending = new Map([...ends].filter(([, end]) => end > 0n))
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false })
  const consumer = kafka.consumer({ groupId: REPLAY_GROUP, allowAutoTopicCreation: false })
  await Promise.all([producer.connect(), consumer.connect()])
  let moved = 0
  let skipped = 0
  try {
    await consumer.subscribe({ topic: dlqTopic, fromBeginning: true })
    const done = Promise.withResolvers<void>()
    const markDone = (partition: number, next: bigint) => {
      if (next >= (ends.get(partition) ?? 0n)) pending.delete(partition)
      if (pending.size === 0 || (options.limit !== undefined && moved >= options.limit)) done.resolve()
    }
    if (pending.size === 0) done.resolve()
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const next = BigInt(message.offset) + 1n
        const limitReached = options.limit !== undefined && moved >= options.limit
        if (limitReached || next > (ends.get(partition) ?? 0n)) return markDone(partition, next)
        const reason = headerValue(message.headers, 'dlq-reason') ?? ''
        const origin = headerValue(message.headers, 'dlq-original-topic')
        if (!origin || (options.reasons && !options.reasons.includes(reason))) {
          skipped++
        } else {
          const headers = { ...withoutDlqHeaders(message.headers), 'dlq-replayed-at': new Date().toISOString() }
          await producer.send({
            topic: origin,
            acks: -1,
            messages: [{ key: message.key, value: message.value, headers }],
          })
          moved++
        }
        await consumer.commitOffsets([{ topic: dlqTopic, partition, offset: next.toString() }])
        markDone(partition, next)
      },
    })
    await done.promise
  } finally {
    await consumer.disconnect()
    await producer.disconnect()
  }
  return { moved, skipped }
}
