import { type KafkaClient, withAdmin } from './client'
import { replayGroupOf } from './replay'
import { listTopics, type ScannedRecord, scanTopics } from './scan'

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
export const dlqTopics = (kafka: KafkaClient): Promise<string[]> => listTopics(kafka, /\.dlq$/)

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

function eventFields(value: string | null): { id?: unknown; type?: unknown; time?: unknown } {
  try {
    const parsed: unknown = JSON.parse(value ?? '')
    return typeof parsed === 'object' && parsed !== null ? parsed : {}
  } catch {
    return {}
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

function viewOf(dlqTopic: string, raw: ScannedRecord): Omit<DeadLetterView, 'status'> {
  const h = raw.headers
  const event = eventFields(raw.value)
  const originalPartition = h['dlq-original-partition']
  return {
    dlqTopic,
    partition: raw.partition,
    offset: raw.offset,
    key: raw.key,
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
  const states = (await dlqStates(kafka, [dlqTopic])).get(dlqTopic) ?? []
  const perPartition = options.newestPerPartition ?? 1000
  const read = await scanTopics(kafka, { topics: [dlqTopic], perPartition, timeoutMs: readTimeoutMs })
  if (!read.complete) throw new Error(`reading ${dlqTopic} took over ${readTimeoutMs} ms`)
  const raw = read.records
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
