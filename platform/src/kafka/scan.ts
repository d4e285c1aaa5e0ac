import { type KafkaClient, kafkaOf, withAdmin } from './client'
import { headersToStrings } from './codec'

/** A record read by `scanTopics`: key and value as UTF-8, headers as strings, the broker's timestamp (ISO). */
export interface ScannedRecord {
  topic: string
  partition: number
  offset: string
  key: string | null
  value: string | null
  headers: Record<string, string>
  timestamp: string
}

export interface ScanOptions {
  topics: string[]
  /** Read at most the newest this many records per partition. */
  perPartition: number
  /** Give up after this long and return what was read (`complete: false`). */
  timeoutMs: number
}

/** The topics whose names match `pattern` (e.g. every `.dlq`). */
export async function listTopics(kafka: KafkaClient, pattern: RegExp): Promise<string[]> {
  const topics = await withAdmin(kafka, (admin) => admin.listTopics())
  return topics.filter((topic) => pattern.test(topic)).sort()
}

type Range = { topic: string; partition: number; from: bigint; end: bigint }

async function rangesOf(kafka: KafkaClient, options: ScanOptions): Promise<Range[]> {
  return withAdmin(kafka, async (admin) => {
    const ranges: Range[] = []
    for (const topic of options.topics) {
      for (const o of await admin.fetchTopicOffsets(topic)) {
        const [low, end] = [BigInt(o.low), BigInt(o.high)]
        const from = end - BigInt(options.perPartition) > low ? end - BigInt(options.perPartition) : low
        if (end > from) ranges.push({ topic, partition: o.partition, from, end })
      }
    }
    return ranges
  })
}

/**
 * Reads what `topics` hold now (the newest `perPartition` records of each partition), for small topics such as DLQs:
 * a throwaway consumer group that commits nothing and is deleted afterwards, so no group's position moves.
 */
export async function scanTopics(
  kafka: KafkaClient,
  options: ScanOptions,
): Promise<{ records: ScannedRecord[]; complete: boolean }> {
  const ranges = await rangesOf(kafka, options)
  if (ranges.length === 0) return { records: [], complete: true }
  const groupId = `commerce-scan-${crypto.randomUUID()}`
  const consumer = kafkaOf(kafka).consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false })
  const records: ScannedRecord[] = []
  const pending = new Set(ranges.map((r) => `${r.topic}:${r.partition}`))
  const done = Promise.withResolvers<boolean>()
  const timer = setTimeout(() => done.resolve(false), options.timeoutMs)
  try {
    await consumer.connect()
    await consumer.subscribe({ topics: [...new Set(ranges.map((r) => r.topic))], fromBeginning: true })
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const range = ranges.find((r) => r.topic === topic && r.partition === partition)
        const offset = BigInt(message.offset)
        if (!range || offset < range.from || offset >= range.end) return
        records.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value?.toString('utf8') ?? null,
          headers: headersToStrings(message.headers),
          timestamp: new Date(Number(message.timestamp)).toISOString(),
        })
        if (offset >= range.end - 1n) pending.delete(`${topic}:${partition}`)
        if (pending.size === 0) done.resolve(true)
      },
    })
    for (const r of ranges) consumer.seek({ topic: r.topic, partition: r.partition, offset: r.from.toString() })
    const complete = await done.promise
    return { records, complete }
  } finally {
    clearTimeout(timer)
    // No fetch in flight while the connection closes (KafkaJS logs "write after end" otherwise).
    consumer.pause(ranges.map((r) => ({ topic: r.topic })))
    await consumer.disconnect()
    // Nothing was committed; the empty group's metadata goes too (best effort: the broker expires it anyway).
    await withAdmin(kafka, (admin) => admin.deleteGroups([groupId])).catch(() => undefined)
  }
}
