import { Partitioners } from 'kafkajs'
import { type KafkaClient, kafkaOf } from './client'
import type { PartitionOffset } from './offsets'

/** A record to write: key, value and headers, as a tool or a test builds it. */
export interface OutgoingRecord {
  key: string | Buffer | null
  value: string | Buffer | null
  /** Buffers for bytes that are not text (the fuzz tier's garbage headers). */
  headers?: Record<string, string | Buffer>
}

/** A connected producer for tools and benchmarks (services publish through the outbox, never directly). */
export interface RecordProducer extends AsyncDisposable {
  /** Writes `records` to `topic`, waits for every replica's ack; returns each partition's first new offset. */
  send(topic: string, records: OutgoingRecord[]): Promise<PartitionOffset[]>
  close(): Promise<void>
}

/** Connects a producer; close it when done. */
export async function openProducer(kafka: KafkaClient): Promise<RecordProducer> {
  const producer = kafkaOf(kafka).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  })
  await producer.connect()
  const send = async (topic: string, records: OutgoingRecord[]) => {
    const written = await producer.send({ topic, acks: -1, messages: records })
    return written.map((w) => ({ topic: w.topicName, partition: w.partition, offset: BigInt(w.baseOffset ?? '-1') }))
  }
  const close = () => producer.disconnect()
  return { send, close, [Symbol.asyncDispose]: close }
}

/** Writes `records` to `topic` with a producer of its own (tests, one-off tools); see RecordProducer.send. */
export async function produce(
  kafka: KafkaClient,
  topic: string,
  records: OutgoingRecord[],
): Promise<PartitionOffset[]> {
  await using producer = await openProducer(kafka)
  return producer.send(topic, records)
}
