import { type KafkaClient, kafkaOf, withAdmin } from './client'
import { headersToStrings } from './codec'
import { replayGroupOf } from './replay'

/** Where a DLQ partition stands: its log start and end, and how far its replay group has passed. */
export interface DlqPartitionState {
  partition: number
  start: bigint
  end: bigint
  /** The replay group's committed offset; -1 when no replay ever ran there. */
  replayedTo: bigint
}

/** Pending = not yet passed by the replay group (neither moved back nor set aside to the tail). */
export const pendingIn = (p: DlqPartitionState): number => {
  // bigint offsets: Math.max does not take them. Retention may have deleted letters the group never reached.
  let from = p.start
  if (p.replayedTo > from) from = p.replayedTo
  return p.end > from ? Number(p.end - from) : 0
}

/** Every `*.dlq` topic of the cluster. */
export async function dlqTopics(kafka: KafkaClient): Promise<string[]> {
  return withAdmin(kafka, async (admin) => (await admin.listTopics()).filter((t) => t.endsWith('.dlq')).sort())
}

/** Per DLQ topic, each partition's start, end and the replay group's position (one admin connection). */
export async function dlqStates(kafka: KafkaClient, topics: string[]): Promise<Map<string, DlqPartitionState[]>> {
  return withAdmin(kafka, async (admin) => {
    const states = new Map<string, DlqPartitionState[]>()
    for (const topic of topics) {
      const [offsets, committed] = await Promise.all([
        admin.fetchTopicOffsets(topic),
        admin.fetchOffsets({ groupId: replayGroupOf(topic), topics: [topic] }),
      ])
      const replayed = (partition: number) =>
        BigInt(committed[0]?.partitions.find((c) => c.partition === partition)?.offset ?? '-1')
      states.set(
        topic,
        offsets.map((o) => ({
          partition: o.partition,
          start: BigInt(o.low),
          end: BigInt(o.high),
          replayedTo: replayed(o.partition),
        })),
      )
    }
    return states
  })
}

/** What a dead letter says about itself: the `dlq-*` headers, the CloudEvent's id/type/time, and its replay status. */
export interface DeadLetterView {
  dlqTopic: string
  partition: number
  offset: string
  key: string | null
  reason: string | null
  rejectionReason: string | null
  error: string | null
  consumer: string | null
  originalTopic: string | null
  originalPartition: number | null
  originalOffset: string | null
  failedAt: string | null
  eventId: string | null
  type: string | null
  time: string | null
  /**
   * `pending`: the replay group has not passed it; `replayed`: moved back to its topic; `requeued`: a filtered replay
   * set it aside, and its copy further down the DLQ is what counts now.
   */
  status: 'pending' | 'replayed' | 'requeued'
}

interface RawLetter {
  partition: number
  offset: string
  key: Buffer | null
  value: Buffer | null
  headers: Record<string, string>
}

function eventFields(value: Buffer | null): { id?: unknown; type?: unknown; time?: unknown } {
  try {
    const parsed: unknown = JSON.parse(value?.toString() ?? '')
    return typeof parsed === 'object' && parsed !== null ? parsed : {}
  } catch {
    return {}
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

function viewOf(dlqTopic: string, raw: RawLetter): Omit<DeadLetterView, 'status'> {
  const h = raw.headers
  const event = eventFields(raw.value)
  const originalPartition = h['dlq-original-partition']
  return {
    dlqTopic,
    partition: raw.partition,
    offset: raw.offset,
    key: raw.key?.toString() ?? null,
    reason: h['dlq-reason'] ?? null,
    rejectionReason: h['dlq-rejection-reason'] ?? null,
    error: h['dlq-error'] ?? null,
    consumer: h['dlq-consumer'] ?? null,
    originalTopic: h['dlq-original-topic'] ?? null,
    originalPartition: originalPartition === undefined ? null : Number(originalPartition),
    originalOffset: h['dlq-original-offset'] ?? null,
    failedAt: h['dlq-failed-at'] ?? null,
    eventId: text(event.id) ?? h['id'] ?? null,
    type: text(event.type) ?? h['ce_type'] ?? null,
    time: text(event.time),
  }
}

const originOf = (v: Omit<DeadLetterView, 'status'>) => `${v.originalTopic}|${v.originalPartition}|${v.originalOffset}`

/** How long reading one DLQ may take before it gives up (and leaves its throwaway group). */
const readTimeoutMs = 20_000

/** What one partition's read covers: from `from` (its log start, or later for the newest only) to its end now. */
interface ReadWindow {
  partition: number
  from: bigint
  end: bigint
}

/** Reads the windows of a DLQ with a throwaway group that commits nothing. */
async function readWindows(kafka: KafkaClient, dlqTopic: string, windows: ReadWindow[]): Promise<RawLetter[]> {
  const ends = new Map(windows.filter((w) => w.end > w.from).map((w) => [w.partition, w.end]))
  if (ends.size === 0) return []
  // The next offset wanted per partition: a seek that lands after the first fetch must not read a record twice.
  const wanted = new Map(windows.map((w) => [w.partition, w.from]))
  const consumer = kafkaOf(kafka).consumer({
    groupId: `commerce-dlq-read-${crypto.randomUUID()}`,
    maxWaitTimeInMs: 100,
    allowAutoTopicCreation: false,
  })
  const letters: RawLetter[] = []
  const done = Promise.withResolvers<void>()
  await consumer.connect()
  try {
    await consumer.subscribe({ topic: dlqTopic, fromBeginning: true })
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const offset = BigInt(message.offset)
        const end = ends.get(partition)
        if (end === undefined || offset < (wanted.get(partition) ?? 0n)) return
        wanted.set(partition, offset + 1n)
        if (offset < end) {
          const { key, value } = message
          letters.push({ partition, offset: message.offset, key, value, headers: headersToStrings(message.headers) })
        }
        if (offset + 1n >= end) ends.delete(partition)
        if (ends.size === 0) done.resolve()
      },
    })
    for (const w of windows) consumer.seek({ topic: dlqTopic, partition: w.partition, offset: w.from.toString() })
    const timer = setTimeout(
      () => done.reject(new Error(`reading ${dlqTopic} took over ${readTimeoutMs} ms`)),
      readTimeoutMs,
    )
    await done.promise.finally(() => clearTimeout(timer))
  } finally {
    await consumer.disconnect()
  }
  return letters
}

/**
 * The dead letters of one DLQ topic, oldest first, each with its replay status: the newest `newestPerPartition`
 * (default 1000) of each partition, so a flooded DLQ cannot exhaust the reader. A letter a filtered replay set aside
 * appears twice: the passed original (`requeued`) and its copy at the tail (`pending`).
 */
export async function listDeadLetters(
  kafka: KafkaClient,
  dlqTopic: string,
  options: { newestPerPartition?: number } = {},
): Promise<DeadLetterView[]> {
  const newest = BigInt(options.newestPerPartition ?? 1000)
  const states = (await dlqStates(kafka, [dlqTopic])).get(dlqTopic) ?? []
  const windows = states.map((s) => ({
    partition: s.partition,
    from: s.end - newest > s.start ? s.end - newest : s.start,
    end: s.end,
  }))
  const raw = await readWindows(kafka, dlqTopic, windows)
  const replayedTo = new Map(states.map((s) => [s.partition, s.replayedTo]))
  const views = raw.map((r) => viewOf(dlqTopic, r))
  return views.map((view, i) => {
    const passed = BigInt(view.offset) < (replayedTo.get(view.partition) ?? -1n)
    if (!passed) return { ...view, status: 'pending' as const }
    // Its copy is a later letter of the same origin (same key, so the same partition, unless the key is null).
    const later = (other: typeof view) =>
      other.partition !== view.partition || BigInt(other.offset) > BigInt(view.offset)
    const copied = views.some((other, j) => j !== i && originOf(other) === originOf(view) && later(other))
    return { ...view, status: copied ? ('requeued' as const) : ('replayed' as const) }
  })
}
