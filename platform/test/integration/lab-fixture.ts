import { eq } from 'drizzle-orm'
import { createDb } from '../../src/db'
import {
  type ConsumerOptions,
  createKafka,
  type EventHandler,
  type OutgoingRecord,
  produce,
  startConsumer,
} from '../../src/kafka'
import { createLogger, type Logger } from '../../src/log'
import { consumedEvents, consumerRetries } from '../../src/metrics'
import { freshName, positionGroupAtEnd, testEnv } from '../../src/testing'
import { onNoteCreated } from '../lab/handlers'
import { labEffects, labNotes } from '../lab/schema'

export const LAB_TOPIC = 'commerce.lab.events'
export const LAB_DLQ = 'commerce.lab.events.dlq'

/** Real infrastructure for the walking skeleton: the lab database and the stack's Kafka. */
export function labInfra(options: { logger?: Logger } = {}) {
  const env = testEnv()
  const { db, close } = createDb({ url: env.databaseUrl('lab'), poolSize: 8 })
  const logger = options.logger ?? createLogger({ test: 'lab' }, 'warn')
  const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: freshName('lab-test'), logger })
  return { env, db, kafka, logger, [Symbol.asyncDispose]: close }
}

export type LabInfra = ReturnType<typeof labInfra>

export async function effectsOf(infra: LabInfra, noteId: number) {
  return infra.db.select().from(labEffects).where(eq(labEffects.noteId, noteId))
}

/** A note row without an outbox row, so the test alone decides which records reach the topic. */
export async function insertBareNote(infra: LabInfra, body: string): Promise<number> {
  const [inserted] = await infra.db.insert(labNotes).values({ body, createdAt: new Date() })
  return inserted.insertId
}

/** Writes records to the lab topic (or `topic`); returns where each partition's first one landed. */
export function produceTo(infra: LabInfra, records: OutgoingRecord[], topic = LAB_TOPIC) {
  return produce(infra.kafka, topic, records)
}

type LabConsumerOptions = Partial<Pick<ConsumerOptions, 'retry' | 'onFatal' | 'topics'>> & {
  handlers?: EventHandler[]
  /** Join this existing group instead of a fresh one positioned at the topics' end. */
  groupId?: string
}

/** An in-process consumer with its own group, positioned at the topics' end so it sees only this test's records. */
export async function startLabConsumer(infra: LabInfra, options: LabConsumerOptions = {}) {
  const topics = options.topics ?? [LAB_TOPIC]
  const groupId = options.groupId ?? freshName('lab-consumer')
  if (!options.groupId) await positionGroupAtEnd(infra.kafka, groupId, topics)
  return startConsumer({
    kafka: infra.kafka,
    groupId,
    topics,
    handlers: options.handlers ?? [onNoteCreated(groupId)],
    db: infra.db,
    logger: infra.logger,
    retry: options.retry ?? { initialMs: 50, maxMs: 500, maxAttempts: 50 },
    ...(options.onFatal ? { onFatal: options.onFatal } : {}),
  })
}

/** How many events of `type` the group counted with `outcome` (handled, duplicate, ignored, dead_lettered, abandoned). */
export async function outcomeCount(groupId: string, type: string, outcome: string): Promise<number> {
  const metric = await consumedEvents.get()
  const match = metric.values.find(
    (v) => v.labels.consumer === groupId && v.labels.type === type && v.labels.outcome === outcome,
  )
  return match?.value ?? 0
}

/** How many transient failures the group retried in place. */
export async function retryCount(groupId: string): Promise<number> {
  const metric = await consumerRetries.get()
  return metric.values.find((v) => v.labels.consumer === groupId)?.value ?? 0
}

/** Event meta for a test-made event: a fresh correlation and causation each time. */
export const freshMeta = () => ({
  now: new Date(),
  correlationId: crypto.randomUUID(),
  causationId: crypto.randomUUID(),
})
