import { describe, expect, test } from 'bun:test'
import { createConnection } from 'mysql2/promise'
import {
  committedOffsets,
  deleteTopics,
  describeError,
  dlqTopicOf,
  encodeEvent,
  ensureTopics,
  handle,
  type PartitionOffset,
  transient,
} from '../../src/kafka'
import { eventually, freshName, positionGroupAtEnd, tapTopics } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import {
  effectsOf,
  freshMeta,
  insertBareNote,
  LAB_DLQ,
  LAB_TOPIC,
  type LabInfra,
  labInfra,
  produceTo,
  retryCount,
  startLabConsumer,
} from './lab-fixture'
import { spawnLabConsumer } from './stack-control'

/**
 * A handler whose dependency is down for good: every call for note `noteId` fails transiently. Other notes pass
 * untouched: other writers share the lab topic, and a record of theirs must not spend this test's budget.
 */
function alwaysDown(noteId: number) {
  const seen = { calls: 0 }
  const handler = handle(LabNoteCreatedV1, async (event) => {
    if (event.data.noteId !== noteId) return
    seen.calls++
    throw transient(new Error('the ledger is down'))
  })
  return { handler, seen }
}

/** True when the group still stands at the record `written` (it was not committed past). */
async function standsAt(infra: LabInfra, groupId: string, written: PartitionOffset | undefined): Promise<boolean> {
  const committed = await committedOffsets(infra.kafka, groupId, [written?.topic ?? LAB_TOPIC])
  return committed.some((c) => c.partition === written?.partition && c.offset === written.offset)
}

async function labEvent(infra: LabInfra, body: string) {
  const noteId = await insertBareNote(infra, body)
  return { noteId, event: LabNoteCreatedV1.create({ noteId, body }, freshMeta()) }
}

describe('consumer runner retry budget', () => {
  test('when a transient failure outlives the budget, then the handler ran maxAttempts times, the consumer stops red and onFatal runs, nothing committed', async () => {
    await using infra = labInfra()
    await using dlq = await tapTopics(infra.kafka, [LAB_DLQ])
    const { noteId, event } = await labEvent(infra, 'the ledger is down')
    const down = alwaysDown(noteId)
    const fatal = Promise.withResolvers<unknown>()
    const retry = { initialMs: 10, maxMs: 10, maxAttempts: 3 }
    await using consumer = await startLabConsumer(infra, { handlers: [down.handler], retry, onFatal: fatal.resolve })

    const [written] = await produceTo(infra, [encodeEvent(event)])
    const error = await fatal.promise
    const readiness = await consumer.check().then(
      () => 'ready',
      (e: unknown) => describeError(e),
    )
    await dlq.caughtUp()

    expect({
      calls: down.seen.calls,
      error: describeError(error),
      readiness,
      standsAtRecord: await standsAt(infra, consumer.groupId, written),
      deadLetters: dlq.records.filter((r) => r.headers['id'] === event.event.id).length,
    }).toEqual({
      calls: 3,
      error: 'TransientError: marked transient <- Error: the ledger is down',
      readiness: `Error: consumer ${consumer.groupId} stopped: TransientError: marked transient <- Error: the ledger is down`,
      standsAtRecord: true,
      deadLetters: 0,
    })
  })

  test('when the consumer is stopped during a 5 s backoff, then stop returns promptly and the record is left for the next owner', async () => {
    await using infra = labInfra()
    const { noteId, event } = await labEvent(infra, 'stopped during a backoff')
    const down = alwaysDown(noteId)
    const consumer = await startLabConsumer(infra, {
      handlers: [down.handler],
      retry: { initialMs: 5_000, maxMs: 5_000, maxAttempts: 10 },
    })
    const [written] = await produceTo(infra, [encodeEvent(event)])
    await eventually(async () => (await retryCount(consumer.groupId)) > 0)

    const started = performance.now()
    await consumer.stop()
    const stopMs = performance.now() - started
    const standsAtRecord = await standsAt(infra, consumer.groupId, written)
    await using _successor = await startLabConsumer(infra, { groupId: consumer.groupId })

    await eventually(async () => (await effectsOf(infra, noteId)).length === 1)
    expect({ promptly: stopMs < 2_500, calls: down.seen.calls, standsAtRecord }).toEqual({
      promptly: true,
      calls: 1,
      standsAtRecord: true,
    })
  })

  test('when the dead letter cannot be written, then the record is not committed past and the consumer stops', async () => {
    await using infra = labInfra()
    // A topic whose DLQ does not exist yet: every dead letter fails until it is created.
    const topic = `commerce.${freshName('labnodlq').replaceAll('-', '')}.events`
    await ensureTopics(infra.kafka, [{ topic, partitions: 1 }])
    await using _cleanup = { [Symbol.asyncDispose]: () => deleteTopics(infra.kafka, [topic, dlqTopicOf(topic)]) }
    const fatal = Promise.withResolvers<unknown>()
    const retry = { initialMs: 10, maxMs: 50, maxAttempts: 3 }
    const consumer = await startLabConsumer(infra, { topics: [topic], retry, onFatal: fatal.resolve })
    await using _consumer = consumer

    const [written] = await produceTo(infra, [{ key: 'poison', value: 'not json at all' }], topic)
    const error = await fatal.promise
    const standsAtRecord = await standsAt(infra, consumer.groupId, written)
    await ensureTopics(infra.kafka, [{ topic: dlqTopicOf(topic), partitions: 1 }])
    await using dlq = await tapTopics(infra.kafka, [dlqTopicOf(topic)])
    await using _successor = await startLabConsumer(infra, { topics: [topic], groupId: consumer.groupId })

    const letter = await eventually(() => dlq.records.find((r) => r.value === 'not json at all'))
    expect({
      error: describeError(error).startsWith('TransientError: dead letter not written'),
      standsAtRecord,
      reason: letter.headers['dlq-reason'],
    }).toEqual({ error: true, standsAtRecord: true, reason: 'undecodable' })
  })

  test('when the budget is spent in the lab consumer process, then the process exits non-zero', async () => {
    await using infra = labInfra()
    const groupId = freshName('lab-fatal')
    await positionGroupAtEnd(infra.kafka, groupId, [LAB_TOPIC])
    const { noteId, event } = await labEvent(infra, 'locked until the process gives up')
    const locker = await createConnection({ uri: infra.env.databaseUrl('lab') })
    await locker.beginTransaction()
    await locker.query('SELECT id FROM lab_notes WHERE id = ? FOR UPDATE', [noteId])
    await using child = spawnLabConsumer(groupId, {
      LAB_MARIADB_URL: infra.env.databaseUrl('lab'),
      KAFKA_BROKERS: infra.env.kafkaBrokers,
      LAB_RETRY_MAX_ATTEMPTS: '2',
      LAB_RETRY_INITIAL_MS: '50',
      LAB_LOCK_WAIT_TIMEOUT_S: '1',
    })

    await produceTo(infra, [encodeEvent(event)])
    const code = await child.exited
    await locker.rollback()
    await locker.end()

    expect({ code, effects: (await effectsOf(infra, noteId)).length }).toEqual({ code: 1, effects: 0 })
  }, 60_000)
})
