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

/** Per partition: where the replay group stands and where the DLQ ends. */
async function positions(kafka: Kafka, topic: string) {
  const admin = kafka.admin()
  await admin.connect()
  try {
    const ends = await admin.fetchTopicOffsets(topic)
    const [committed] = await admin.fetchOffsets({ groupId: REPLAY_GROUP, topics: [topic] })
    const done = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]))
    return ends.map((o) => ({ partition: o.partition, end: BigInt(o.high), replayed: done.get(o.partition) ?? -1n }))
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
  const stand = await positions(kafka, dlqTopic)
  const ends = new Map(stand.map((p) => [p.partition, p.end]))
  // -1 = the group never committed here: everything from the log start is pending.
  const pending = new Map(stand.filter((p) => p.end > 0n && p.replayed < p.end).map((p) => [p.partition, p.end]))
  // An empty DLQ needs no group: joining and leaving at once can strand a member the next replay must wait out.
  if (pending.size === 0) return { moved: 0, skipped: 0 }
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false })
  const consumer = kafka.consumer({
    groupId: REPLAY_GROUP,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 200,
    sessionTimeout: 10_000,
  })
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
