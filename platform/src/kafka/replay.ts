import type { KafkaMessage, Producer } from 'kafkajs'
import { Partitioners } from 'kafkajs'
import { type KafkaClient, kafkaOf } from './client'
import { headerValue } from './codec'
import { withoutDlqHeaders } from './dlq'
import { committedOffsets, endOffsets } from './offsets'

export interface ReplayOptions {
  kafka: KafkaClient
  /** The dead-letter topic, e.g. `commerce.order.events.dlq`. */
  dlqTopic: string
  /** Replay at most this many records (default: all that are there when the replay starts). */
  limit?: number
  /** Replay only records whose `dlq-reason` header is one of these; the others stay in the DLQ. */
  reasons?: string[]
  /** Replay only records whose CloudEvent type (`ce_type` header, else the body's `type`) is one of these. */
  types?: string[]
  /**
   * Replay this one record only: the replay reads that partition up to it (the pending letters before it are set
   * aside to the tail, as any filter does) and stops; other partitions are not touched.
   */
  record?: { partition: number; offset: string }
}

/**
 * The replay group of a DLQ: its committed offset marks what was already moved back (or set aside), so running a
 * replay twice moves nothing. One group per DLQ, so replays of different DLQs never rebalance each other.
 */
export const replayGroupOf = (dlqTopic: string): string => `commerce-dlq-replay.${dlqTopic}`

/**
 * Per partition of the DLQ: where the replay stops (the end it has now, or just past the one record asked for), for
 * those the replay group has not reached yet.
 */
async function pendingEnds(kafka: KafkaClient, options: ReplayOptions): Promise<Map<number, bigint>> {
  const { dlqTopic, record } = options
  const [ends, done] = await Promise.all([
    endOffsets(kafka, [dlqTopic]),
    committedOffsets(kafka, replayGroupOf(dlqTopic), [dlqTopic]),
  ])
  // -1 = the group never committed here: everything from the log start is pending.
  const replayed = (partition: number) => done.find((d) => d.partition === partition)?.offset ?? -1n
  // One record: its partition only, read up to just past it (a record beyond the end is no record: nothing to do).
  const stops = record
    ? ends
        .filter((e) => e.partition === record.partition && BigInt(record.offset) < e.offset)
        .map((e) => ({ ...e, offset: BigInt(record.offset) + 1n }))
    : ends
  return new Map(
    stops.filter((e) => e.offset > 0n && replayed(e.partition) < e.offset).map((e) => [e.partition, e.offset]),
  )
}

/**
 * What happens to one dead letter: `move` sends it back to its topic without the dlq-* headers; `keep` re-appends it,
 * unchanged, to the DLQ's tail before the group commits past it, so a later replay (another filter, none) finds it.
 */
async function settleLetter(producer: Producer, message: KafkaMessage, where: { dlqTopic: string; move?: string }) {
  const { key, value } = message
  const { dlqTopic, move } = where
  if (move) {
    const headers = { ...withoutDlqHeaders(message.headers), 'dlq-replayed-at': new Date().toISOString() }
    await producer.send({ topic: move, acks: -1, messages: [{ key, value, headers }] })
  } else {
    await producer.send({ topic: dlqTopic, acks: -1, messages: [{ key, value, headers: message.headers ?? {} }] })
  }
}

function typeOf(message: KafkaMessage): string {
  const header = headerValue(message.headers, 'ce_type')
  if (header) return header
  try {
    const type: unknown = JSON.parse(message.value?.toString() ?? '').type
    return typeof type === 'string' ? type : ''
  } catch {
    return ''
  }
}

/** Where a letter goes back to, or undefined when a filter leaves it out (or it has no origin). */
function destination(message: KafkaMessage, at: { partition: number; options: ReplayOptions }): string | undefined {
  const { reasons, types, record } = at.options
  const origin = headerValue(message.headers, 'dlq-original-topic')
  const reason = headerValue(message.headers, 'dlq-reason') ?? ''
  const chosen =
    (!reasons || reasons.includes(reason)) &&
    (!types || types.includes(typeOf(message))) &&
    (!record || (record.partition === at.partition && record.offset === message.offset))
  return origin && chosen ? origin : undefined
}

/**
 * Moves dead letters back to the topic they came from (header `dlq-original-topic`), with their key, value and
 * original headers; stops at the end the DLQ had when the replay started. Letters left out by `reasons` (or without an
 * origin) are re-appended to the DLQ, never lost; so are `types`' and `record`'s. Consumers dedupe by event id, so a record that some group already
 * handled is harmless. Returns how many records were moved and kept.
 */
export async function replayDlq(options: ReplayOptions): Promise<{ moved: number; skipped: number }> {
  const { kafka, dlqTopic } = options
  const ends = await pendingEnds(kafka, options)
  // An empty DLQ needs no group: joining and leaving at once can strand a member the next replay must wait out.
  if (ends.size === 0) return { moved: 0, skipped: 0 }
  const client = kafkaOf(kafka)
  const producer = client.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  })
  const consumer = client.consumer({
    groupId: replayGroupOf(dlqTopic),
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 200,
    sessionTimeout: 10_000,
  })
  await Promise.all([producer.connect(), consumer.connect()])
  const counts = { moved: 0, skipped: 0 }
  try {
    await consumer.subscribe({ topic: dlqTopic, fromBeginning: true })
    const done = Promise.withResolvers<void>()
    const pending = new Set(ends.keys())
    const limitReached = () => options.limit !== undefined && counts.moved >= options.limit
    const markDone = (partition: number, next: bigint) => {
      if (next >= (ends.get(partition) ?? 0n)) pending.delete(partition)
      if (pending.size === 0 || limitReached()) done.resolve()
    }
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const next = BigInt(message.offset) + 1n
        if (limitReached() || next > (ends.get(partition) ?? 0n)) return markDone(partition, next)
        const origin = destination(message, { partition, options })
        await settleLetter(producer, message, origin ? { dlqTopic, move: origin } : { dlqTopic })
        counts[origin ? 'moved' : 'skipped']++
        await consumer.commitOffsets([{ topic: dlqTopic, partition, offset: next.toString() }])
        markDone(partition, next)
      },
    })
    await done.promise
  } finally {
    await consumer.disconnect()
    await producer.disconnect()
  }
  return counts
}
