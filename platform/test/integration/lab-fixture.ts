import { eq } from 'drizzle-orm'
import { createDb } from '../../src/db'
import { createKafka, type EventHandler, startConsumer } from '../../src/kafka'
import { createLogger } from '../../src/log'
import { consumedEvents } from '../../src/metrics'
import { freshName, positionGroupAtEnd, testEnv } from '../../src/testing'
import { onNoteCreated } from '../lab/handlers'
import { labEffects } from '../lab/schema'

export const LAB_TOPIC = 'commerce.lab.events'
export const LAB_DLQ = 'commerce.lab.events.dlq'

/** Real infrastructure for the walking skeleton: the lab database and the stack's Kafka. */
export function labInfra() {
  const env = testEnv()
  const { db, close } = createDb({ url: env.databaseUrl('lab'), poolSize: 8 })
  const logger = createLogger({ test: 'lab' }, 'warn')
  const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: freshName('lab-test'), logger })
  return { env, db, kafka, logger, [Symbol.asyncDispose]: close }
}

export type LabInfra = ReturnType<typeof labInfra>

export async function effectsOf(infra: LabInfra, noteId: number) {
  return infra.db.select().from(labEffects).where(eq(labEffects.noteId, noteId))
}

/** An in-process consumer with its own group, positioned at the topics' end so it sees only this test's records. */
export async function startLabConsumer(
  infra: LabInfra,
  options: { handlers?: EventHandler[]; topics?: string[] } = {},
) {
  const groupId = freshName('lab-consumer')
  const topics = options.topics ?? [LAB_TOPIC]
  await positionGroupAtEnd(infra.kafka, groupId, topics)
  const consumer = await startConsumer({
    kafka: infra.kafka,
    groupId,
    topics,
    handlers: options.handlers ?? [onNoteCreated(groupId)],
    db: infra.db,
    logger: infra.logger,
    retry: { initialMs: 50, maxMs: 500, maxAttempts: 50 },
  })
  return { groupId, stop: consumer.stop, [Symbol.asyncDispose]: consumer.stop }
}

/** How many events of `type` the group counted with `outcome` (handled, duplicate, ignored, dead_lettered). */
export async function outcomeCount(groupId: string, type: string, outcome: string): Promise<number> {
  const metric = await consumedEvents.get()
  const match = metric.values.find(
    (v) => v.labels.consumer === groupId && v.labels.type === type && v.labels.outcome === outcome,
  )
  return match?.value ?? 0
}
