import { CommonErrors } from '../../http/common-errors'
import {
  type DeadLetterView,
  dlqStates,
  dlqTopicOf,
  dlqTopics,
  listDeadLetters,
  pendingIn,
  replayDlq,
} from '../../kafka/index'
import { bounded } from '../bounded'
import type { KafkaDeps } from '../deps'

/** One DLQ topic at a glance: records it holds, and those its replay group has not passed yet. */
export interface DlqSummary {
  topic: string
  total: number
  pending: number
}

/** `commerce.order.events` or `commerce.order.events.dlq` → the DLQ topic, if it exists. */
export async function resolveDlqTopic(deps: KafkaDeps, name: string): Promise<string> {
  const topic = name.endsWith('.dlq') ? name : dlqTopicOf(name)
  const topics = await bounded(dlqTopics(deps.kafka), { ms: deps.timeoutMs, what: 'Kafka' })
  if (!topics.includes(topic)) throw CommonErrors.notFound(`No dead-letter topic ${topic}`)
  return topic
}

/** Every DLQ topic (or the one given) with its record and pending counts. */
export async function summarizeDlqs(deps: KafkaDeps, only?: string): Promise<DlqSummary[]> {
  const work = async () => {
    const topics = only ? [only] : await dlqTopics(deps.kafka)
    const states = await dlqStates(deps.kafka, topics)
    return topics.map((topic) => {
      const partitions = states.get(topic) ?? []
      return {
        topic,
        total: partitions.reduce((sum, p) => sum + Number(p.end - p.start), 0),
        pending: partitions.reduce((sum, p) => sum + pendingIn(p), 0),
      }
    })
  }
  return bounded(work(), { ms: deps.timeoutMs, what: 'Kafka' })
}

/** The dead letters of one DLQ, or of every DLQ that holds any, oldest first per topic. */
export async function readDeadLetters(
  deps: KafkaDeps,
  topic?: string,
): Promise<{ topics: DlqSummary[]; letters: DeadLetterView[] }> {
  const topics = await summarizeDlqs(deps, topic)
  const read = Promise.all(topics.filter((t) => t.total > 0).map((t) => listDeadLetters(deps.kafka, t.topic)))
  const letters = (await bounded(read, { ms: deps.timeoutMs * 2, what: 'Kafka' })).flat()
  return { topics, letters }
}

/** What an operator asks to replay: a whole DLQ, filtered by type or reason, or one record. */
export interface ReplayRequest {
  topic: string
  type?: string | undefined
  reason?: string | undefined
  record?: { partition: number; offset: string } | undefined
}

export interface ReplayResult {
  topic: string
  moved: number
  /** Letters a filter left out: set aside to the DLQ's tail, still pending. */
  kept: number
  pendingBefore: number
  pendingAfter: number
}

// One replay per DLQ at a time in this process: two would rebalance the DLQ's replay group under each other.
const running = new Map<string, Promise<unknown>>()

async function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = running.get(key) ?? Promise.resolve()
  const next = before.catch(() => undefined).then(work)
  running.set(key, next)
  try {
    return await next
  } finally {
    if (running.get(key) === next) running.delete(key)
  }
}

/** Moves dead letters back to their topics (replayDlq's semantics), with the pending count before and after. */
export async function replayDeadLetters(deps: KafkaDeps, request: ReplayRequest): Promise<ReplayResult> {
  const topic = await resolveDlqTopic(deps, request.topic)
  return serialized(topic, async () => {
    const pendingOf = async () => (await summarizeDlqs(deps, topic))[0]?.pending ?? 0
    const pendingBefore = await pendingOf()
    const { moved, skipped } = await replayDlq({
      kafka: deps.kafka,
      dlqTopic: topic,
      ...(request.type ? { types: [request.type] } : {}),
      ...(request.reason ? { reasons: [request.reason] } : {}),
      ...(request.record ? { record: request.record } : {}),
    })
    return { topic, moved, kept: skipped, pendingBefore, pendingAfter: await pendingOf() }
  })
}
