import type { IHeaders, Kafka } from 'kafkajs'
import { eventually } from './eventually'

export interface TappedRecord {
  topic: string
  partition: number
  offset: string
  key: string | null
  value: string | null
  headers: Record<string, string>
}

/** A position in one partition. */
export interface PartitionOffset {
  topic: string
  partition: number
  offset: bigint
}

/** End offsets (the next offset to be written) of every partition of `topics`. */
export async function endOffsets(kafka: Kafka, topics: string[]): Promise<PartitionOffset[]> {
  const admin = kafka.admin()
  await admin.connect()
  try {
    const ends: PartitionOffset[] = []
    for (const topic of topics) {
      for (const o of await admin.fetchTopicOffsets(topic))
        ends.push({ topic, partition: o.partition, offset: BigInt(o.high) })
    }
    return ends
  } finally {
    await admin.disconnect()
  }
}

/**
 * Commits `offsets` for a new group, so its consumers start exactly there.
 * (KafkaJS's admin.setOffsets does the same but blocks for a full 5 s fetch wait while it leaves the group.)
 */
export async function commitGroupOffsets(kafka: Kafka, groupId: string, offsets: PartitionOffset[]): Promise<void> {
  const topics = [...new Set(offsets.map((o) => o.topic))]
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50, allowAutoTopicCreation: false })
  await consumer.connect()
  try {
    await consumer.subscribe({ topics })
    const joined = Promise.withResolvers<void>()
    consumer.on(consumer.events.GROUP_JOIN, () => joined.resolve())
    await consumer.run({ autoCommit: false, eachMessage: async () => {} })
    await joined.promise
    consumer.pause(topics.map((topic) => ({ topic })))
    await consumer.commitOffsets(
      offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset.toString() })),
    )
  } finally {
    await consumer.disconnect()
  }
}

/** Positions a new group at the topics' current end, so it reads only what is written from now on. */
export async function positionGroupAtEnd(kafka: Kafka, groupId: string, topics: string[]): Promise<PartitionOffset[]> {
  const ends = await endOffsets(kafka, topics)
  await commitGroupOffsets(kafka, groupId, ends)
  return ends
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[0] : raw
    if (value !== undefined) out[name] = value.toString()
  }
  return out
}

export interface TopicTap extends AsyncDisposable {
  readonly records: TappedRecord[]
  /** Resolves once the tap has read everything the topics held when called: absence checks are then meaningful. */
  caughtUp(): Promise<void>
  close(): Promise<void>
}

/** Collects every record that arrives on `topics` from now on (a throwaway group positioned at the end). */
export async function tapTopics(kafka: Kafka, topics: string[]): Promise<TopicTap> {
  const groupId = `tap-${crypto.randomUUID()}`
  const starts = await positionGroupAtEnd(kafka, groupId, topics)
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false })
  await consumer.connect()
  await consumer.subscribe({ topics })
  const records: TappedRecord[] = []
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      records.push({
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? null,
        headers: headersToStrings(message.headers),
      })
    },
  })
  const startOf = (topic: string, partition: number) =>
    starts.find((s) => s.topic === topic && s.partition === partition)?.offset ?? 0n
  const caughtUp = async () => {
    const ends = await endOffsets(kafka, topics)
    await eventually(
      () =>
        ends.every(
          ({ topic, partition, offset: end }) =>
            end <= startOf(topic, partition) ||
            records.some((r) => r.topic === topic && r.partition === partition && BigInt(r.offset) >= end - 1n),
        ),
      { what: `tap caught up with ${topics.join(', ')}` },
    )
  }
  const close = () => consumer.disconnect()
  return { records, caughtUp, close, [Symbol.asyncDispose]: close }
}
