import { eventually } from '../testing/eventually'
import { type KafkaClient, kafkaOf } from './client'
import { headersToStrings, type RecordHeaders } from './codec'
import { endOffsets, positionGroupAtEnd } from './offsets'

/** A record as a tap saw it, with string headers and when it arrived (epoch ms, sub-millisecond). */
export interface TappedRecord {
  topic: string
  partition: number
  offset: string
  key: string | null
  value: string | null
  headers: Record<string, string>
  receivedAt: number
}

export interface TopicTap extends AsyncDisposable {
  readonly records: TappedRecord[]
  /** Resolves once the tap has read everything the topics held when called: absence checks are then meaningful. */
  caughtUp(): Promise<void>
  close(): Promise<void>
}

function tapped(topic: string, partition: number, message: TappedMessage): TappedRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value?.toString() ?? null,
    headers: headersToStrings(message.headers),
    receivedAt: performance.timeOrigin + performance.now(),
  }
}

interface TappedMessage {
  offset: string
  key: Buffer | null
  value: Buffer | null
  headers?: RecordHeaders
}

/** Collects every record that arrives on `topics` from now on (a throwaway group positioned at the end). */
export async function tapTopics(kafka: KafkaClient, topics: string[]): Promise<TopicTap> {
  const groupId = `tap-${crypto.randomUUID()}`
  const starts = await positionGroupAtEnd(kafka, groupId, topics)
  const consumer = kafkaOf(kafka).consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false })
  await consumer.connect()
  await consumer.subscribe({ topics })
  const records: TappedRecord[] = []
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      records.push(tapped(topic, partition, message))
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
