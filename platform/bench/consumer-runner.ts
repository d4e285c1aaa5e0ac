// Consumer runner benchmark (issue #7): events/s through startConsumer (decode, contract check, inbox row + the lab
// handler's effect in one transaction, offset commit) against the same client draining the same topic with a no-op
// handler, same run. The topic is the bench's own (deleted afterwards); its notes exist, so every event is handled.
//   bun platform/bench/consumer-runner.ts      (npm run bench:consumer; the stack must be up)
//   BENCH_EVENTS=20000 BENCH_PARTITIONS=3
import { gte, like, sql } from 'drizzle-orm'
import { createDb } from '../src/db'
import {
  createKafka,
  deleteTopics,
  drainTopic,
  type EventHandler,
  encodeEvent,
  ensureTopics,
  handle,
  openProducer,
  startConsumer,
} from '../src/kafka'
import { createLogger } from '../src/log'
import { consumedEvents } from '../src/metrics'
import { freshName, testEnv } from '../src/testing'
import { LabNoteCreatedV1 } from '../test/lab/events'
import { onNoteCreated } from '../test/lab/handlers'
import { labEffects, labNotes } from '../test/lab/schema'

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 20_000)
const PARTITIONS = Number(process.env['BENCH_PARTITIONS'] ?? 3)
const POOL = 8
const TARGET = 0.3

const env = testEnv()
const logger = createLogger({ bench: 'consumer-runner' }, 'warn')
const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'bench-consumer-runner', logger })
const { db, close } = createDb({ url: env.databaseUrl('lab'), poolSize: POOL })
const run = freshName('bench')
const topic = `commerce.bench.${run}`

/** Inserts the notes the handler locks, in bulk; their ids are found by the run's body prefix. */
async function insertNotes(): Promise<number[]> {
  const [first] = await db.insert(labNotes).values([{ body: `${run} 0`, createdAt: new Date() }])
  for (let from = 1; from < EVENTS; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, EVENTS - from) }, (_, i) => ({
      body: `${run} ${from + i}`,
      createdAt: new Date(),
    }))
    await db.insert(labNotes).values(rows)
  }
  const found = await db
    .select({ id: labNotes.id })
    .from(labNotes)
    .where(sql`${gte(labNotes.id, first.insertId)} and ${like(labNotes.body, `${run} %`)}`)
  return found.map((n) => n.id)
}

async function produceEvents(noteIds: number[]): Promise<void> {
  await using producer = await openProducer(kafka)
  const meta = { now: new Date(), correlationId: run, causationId: run }
  for (let from = 0; from < noteIds.length; from += 1000) {
    const records = noteIds
      .slice(from, from + 1000)
      .map((noteId) => encodeEvent(LabNoteCreatedV1.create({ noteId, body: `${run} bench` }, meta)))
    await producer.send(topic, records)
  }
}

async function handledBy(groupId: string): Promise<number> {
  const metric = await consumedEvents.get()
  return metric.values
    .filter((v) => v.labels.consumer === groupId && v.labels.outcome !== 'abandoned')
    .reduce((sum, v) => sum + v.value, 0)
}

/** Events/s of startConsumer from its first settled record to the last (the group join is not the runner's cost). */
async function runner(variant: Variant): Promise<{ rate: number; outcomes: string }> {
  const groupId = freshName('bench-runner')
  await using _consumer = await startConsumer({
    kafka,
    groupId,
    topics: [topic],
    handlers: [variant.handler(groupId)],
    db,
    logger,
    fromBeginning: true,
    maxRecordsPerTransaction: variant.maxRecordsPerTransaction,
  })
  let first: { at: number; count: number } | undefined
  let count = 0
  while (count < EVENTS) {
    await Bun.sleep(20)
    count = await handledBy(groupId)
    if (count > 0) first ??= { at: performance.now(), count }
  }
  const at = first ?? { at: performance.now(), count: 0 }
  const metric = await consumedEvents.get()
  const outcomes = metric.values
    .filter((v) => v.labels.consumer === groupId)
    .map((v) => `${v.labels.outcome}=${v.value}`)
    .join(' ')
  return { rate: (count - at.count) / ((performance.now() - at.at) / 1000), outcomes }
}

interface Variant {
  label: string
  handler: (groupId: string) => EventHandler
  maxRecordsPerTransaction: number
}

// The issue's "trivial effect": one insert next to the inbox row. The lab handler also locks the note (one more round trip).
const trivialEffect = (groupId: string) =>
  handle(LabNoteCreatedV1, async (event, { tx, meta }) => {
    await tx
      .insert(labEffects)
      .values({ noteId: event.data.noteId, eventId: event.id, consumer: groupId, appliedAt: meta.now })
  })

const variants: Variant[] = [
  { label: 'runner, trivial effect, shared transactions', handler: trivialEffect, maxRecordsPerTransaction: 100 },
  { label: 'runner, trivial effect, one tx per record', handler: trivialEffect, maxRecordsPerTransaction: 1 },
  {
    label: 'runner, lab handler (lock + effect), shared',
    handler: (g) => onNoteCreated(g),
    maxRecordsPerTransaction: 100,
  },
]

async function drain(): Promise<number> {
  const timing = await drainTopic(kafka, { topic, count: EVENTS })
  return timing.count / ((timing.lastAt - timing.joinedAt) / 1000)
}

await ensureTopics(kafka, [{ topic, partitions: PARTITIONS }])
try {
  const noteIds = await insertNotes()
  await produceEvents(noteIds)
  console.log(`${noteIds.length} lab.note.created events on ${topic} (${PARTITIONS} partitions), DB pool ${POOL}`)
  const baseline = await drain()
  console.log(`${'no-op drain (same client, same topic)'.padEnd(46)} ${baseline.toFixed(0).padStart(8)} events/s`)
  for (const variant of variants) {
    const measured = await runner(variant)
    const ratio = measured.rate / baseline
    const verdict = ratio >= TARGET ? 'MET' : 'MISSED'
    console.log(
      `${variant.label.padEnd(46)} ${measured.rate.toFixed(0).padStart(8)} events/s  ${ratio.toFixed(3)}× (target ≥ ${TARGET}: ${verdict})  ${measured.outcomes}`,
    )
  }
} finally {
  await deleteTopics(kafka, [topic])
  await close()
}
process.exit(0)
