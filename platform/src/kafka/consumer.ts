import type { Consumer, EachBatchPayload, Producer } from 'kafkajs'
import { Partitioners } from 'kafkajs'
import type { Db } from '../db/types'
import { describeError } from '../errors/describe'
import type { Logger } from '../log/index'
import { consumerFatalStops } from '../metrics/index'
import { type KafkaClient, kafkaOf } from './client'
import type { ConsumedRecord } from './dlq'
import { planRun, processTogether } from './group-commit'
import { type GroupLag, trackGroupLag } from './group-lag'
import type { EventHandler } from './handle'
import { indexHandlers } from './handlers'
import { retryParkedUnder } from './park'
import { handleRecord, type RecordPipeline } from './record'
import { defaultRetryPolicy, type RetryPolicy } from './retry'

export interface ConsumerOptions {
  kafka: KafkaClient
  /** The consumer group; also the inbox's `consumer` column. */
  groupId: string
  topics: string[]
  /** At most one per event type and version (`dataschema`); a second one throws here. */
  handlers: EventHandler[]
  db: Db
  logger: Logger
  /** The one retry budget of a record (handler and dead letter together); the client library's retrier never sees it. */
  retry?: RetryPolicy
  /** Called once the consumer stopped for good (a transient failure outlived its retries); main.ts exits non-zero. */
  onFatal?: (error: unknown) => void
  fromBeginning?: boolean
  /** Longest idle fetch wait; shutdown waits for the fetch in flight (default 1000 ms). */
  maxWaitTimeMs?: number
  /** How long a silent member keeps its partitions before the group moves them (default 30 s). */
  sessionTimeoutMs?: number
  /** Consecutive records of a partition handled in one shared transaction (default 100; 1 = one per record). */
  maxRecordsPerTransaction?: number
}

export interface RunningConsumer extends AsyncDisposable {
  readonly groupId: string
  /** Readiness check for `/health/ready`: rejects once the consumer stopped (after a fatal failure or `stop()`). */
  check(): Promise<void>
  /** Ends any backoff at once, abandons the record in hand uncommitted, leaves the group. */
  stop(): Promise<void>
}

function createClients(options: ConsumerOptions): { consumer: Consumer; producer: Producer } {
  const kafka = kafkaOf(options.kafka)
  const sessionTimeout = options.sessionTimeoutMs ?? 30_000
  const consumer = kafka.consumer({
    groupId: options.groupId,
    allowAutoTopicCreation: false,
    // The broker answers a fetch as soon as a record arrives; this only bounds idle waits, and so shutdown time.
    maxWaitTimeInMs: options.maxWaitTimeMs ?? 1000,
    sessionTimeout,
    heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)),
    // KafkaJS's retrier only ever sees its own failures (fetch, join, commit): handler failures never reach it. When
    // those outlive its retries the consumer crashes for good and the runner reports it, instead of restarting.
    retry: { restartOnFailure: async () => false },
  })
  // Not idempotent: an idempotent KafkaJS producer retries forever, which would hide a DLQ outage from our budget.
  // A duplicated dead letter is harmless (consumers dedupe by event id).
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    retry: { retries: 0 },
  })
  return { consumer, producer }
}

/** The end state of a consumer: `stopping` once stop() or a fatal failure began, `dead` with the fatal error. */
function lifecycle(options: ConsumerOptions, clients: { consumer: Consumer; producer: Producer }) {
  const { groupId, logger } = options
  const abort = new AbortController()
  let closed: Promise<void> | undefined
  let fatal: unknown
  const lag = trackGroupLag(clients.consumer, groupId)
  const close = () => {
    abort.abort()
    closed ??= Promise.all([clients.consumer.disconnect(), clients.producer.disconnect()]).then(() => lag.clear())
    return closed
  }
  const die = (error: unknown) => {
    if (abort.signal.aborted) return
    fatal = error
    consumerFatalStops.inc({ consumer: groupId })
    logger.error('consumer stopped: a failure outlived its retries', { groupId, error: describeError(error) })
    // Not awaited: a caller inside eachBatch would wait for itself (disconnect waits for the batch in hand).
    void close()
      .catch((e: unknown) => logger.warn('consumer disconnect failed', { groupId, error: describeError(e) }))
      .finally(() => options.onFatal?.(error))
  }
  const check = async () => {
    if (fatal !== undefined) throw new Error(`consumer ${groupId} stopped: ${describeError(fatal)}`)
    if (abort.signal.aborted) throw new Error(`consumer ${groupId} stopped`)
  }
  return { signal: abort.signal, close, die, check, lag }
}

/**
 * Runs a consumer group: decode each record as a CloudEvent, pick the handler by type and version, dedupe through the
 * inbox in the same transaction as the handler's effect, retry transient failures in place under one budget, dead-letter
 * poison and rejected records, and commit each offset only after its transaction committed (or its dead letter was
 * acked). A rebalance or stop abandons the record in hand uncommitted; a spent budget stops the consumer (`check` turns
 * red, `onFatal` runs). Partitions are handled concurrently, records within a partition in order.
 */
export async function startConsumer(options: ConsumerOptions): Promise<RunningConsumer> {
  const handlers = indexHandlers(options.handlers)
  const clients = createClients(options)
  const life = lifecycle(options, clients)
  await Promise.all([clients.consumer.connect(), clients.producer.connect()])
  await clients.consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true })
  const pipeline: RecordPipeline = {
    groupId: options.groupId,
    handlers,
    db: options.db,
    logger: options.logger,
    retry: options.retry ?? defaultRetryPolicy,
    producer: clients.producer,
    signal: life.signal,
    maxRecordsPerTransaction: options.maxRecordsPerTransaction ?? 100,
  }
  clients.consumer.on(clients.consumer.events.CRASH, ({ payload }) => life.die(payload.error))
  await clients.consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: 3,
    eachBatch: (payload) =>
      consumeBatch(pipeline, payload, { commit: commitWith(clients.consumer), die: life.die, lag: life.lag }),
  })
  return { groupId: options.groupId, check: life.check, stop: life.close, [Symbol.asyncDispose]: life.close }
}

type Commit = (topic: string, partition: number, next: string) => Promise<void>

/** Commits one partition's position; KafkaJS retries a failed commit itself (a commit is its own operation). */
const commitWith =
  (consumer: Consumer): Commit =>
  (topic, partition, next) =>
    consumer.commitOffsets([{ topic, partition, offset: next }])

/**
 * After records of key K were applied, early events parked under K (waiting for another event about the same
 * aggregate) are offered again at once rather than at the retry-parked job's next pass. Best effort: the job covers a
 * failure.
 */
async function offerParkedUnder(pipeline: RecordPipeline, applied: readonly ConsumedRecord[]) {
  const keys = [...new Set(applied.flatMap((r) => (r.key ? [r.key.toString('utf8')] : [])))]
  const { db, handlers, logger, groupId: consumer } = pipeline
  await retryParkedUnder({ db, consumer, handlers, logger, keys }).catch((error: unknown) =>
    logger.warn('offering parked events again failed; the retry-parked job will', { error: describeError(error) }),
  )
}

/** One partition's fetched records, in order; stops at the first record that is not settled. */
async function consumeBatch(
  pipeline: RecordPipeline,
  payload: EachBatchPayload,
  { commit, die, lag }: { commit: Commit; die: (error: unknown) => void; lag: GroupLag },
) {
  const { batch, isRunning, isStale, heartbeat } = payload
  const { topic, partition } = batch
  const records: ConsumedRecord[] = batch.messages.map((message) => ({ topic, partition, ...message }))
  if (records.length > 0) lag.set(batch, batch.firstOffset() ?? records[0]?.offset ?? '0')
  // `applied`: the records whose effects just committed; what is parked under their keys may apply now.
  const settled = async (record: ConsumedRecord, applied: readonly ConsumedRecord[]) => {
    const next = (BigInt(record.offset) + 1n).toString()
    await commit(topic, partition, next)
    payload.resolveOffset(record.offset)
    lag.set(batch, next)
    await offerParkedUnder(pipeline, applied)
    await heartbeat()
  }
  for (let i = 0; i < records.length; ) {
    if (pipeline.signal.aborted || !isRunning() || isStale()) return
    const run = planRun(pipeline.handlers, records.slice(i, i + pipeline.maxRecordsPerTransaction))
    const last = run.at(-1)
    const applied = run.length > 1 && last ? await processTogether(pipeline, run) : undefined
    if (last && applied) {
      await settled(last.record, applied)
      i += run.length
      continue
    }
    // One at a time: a lone record, or a run whose shared transaction failed (the failing record is retried or
    // dead-lettered alone, its neighbours commit on their own).
    for (const record of records.slice(i, i + Math.max(run.length, 1))) {
      if (pipeline.signal.aborted || !isRunning() || isStale()) return
      const result = await handleRecord(pipeline, { record, heartbeat })
      if (result.kind === 'exhausted') return die(result.error)
      // A lost group: KafkaJS rejoins on its own error; the record goes to the partition's next owner uncommitted.
      if (result.kind === 'abandoned') return pipeline.signal.aborted ? undefined : Promise.reject(result.cause)
      // Only an applied record can be what a parked one waits for (not a skipped, duplicate or parked one).
      await settled(record, result.applied ? [record] : [])
      i++
    }
  }
}
