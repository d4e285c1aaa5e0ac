import { describe, expect, test } from 'bun:test'
import { createConnection } from 'mysql2/promise'
import { encodeEvent } from '../../src/kafka'
import { eventually, tapTopics } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import { onNoteCreated } from '../lab/handlers'
import {
  effectsOf,
  freshMeta,
  insertBareNote,
  LAB_DLQ,
  labInfra,
  outcomeCount,
  produceTo,
  retryCount,
  startLabConsumer,
} from './lab-fixture'

describe('consumer runner during a rebalance', () => {
  test('when a second member joins while a record is being retried, then the record is abandoned uncommitted, not dead-lettered, and takes effect once', async () => {
    await using infra = labInfra()
    await using dlq = await tapTopics(infra.kafka, [LAB_DLQ])
    // Both members wait at most 1 s for the note's row lock, which the test holds: ER_LOCK_WAIT_TIMEOUT, retried.
    const handlers = (groupId: string) => [onNoteCreated(groupId, { lockWaitTimeoutS: 1 })]
    const first = await startLabConsumer(infra, { handlers: handlers('rebalance') })
    await using _first = first
    const noteId = await insertBareNote(infra, 'locked during a rebalance')
    const locker = await createConnection({ uri: infra.env.databaseUrl('lab') })
    await locker.beginTransaction()
    await locker.query('SELECT id FROM lab_notes WHERE id = ? FOR UPDATE', [noteId])
    const event = LabNoteCreatedV1.create({ noteId, body: 'locked during a rebalance' }, freshMeta())

    await produceTo(infra, [{ key: event.key, value: encodeEvent(event).value }])
    await eventually(async () => (await retryCount(first.groupId)) > 0, { timeoutMs: 20_000 })
    // Joining completes only once the first member noticed the rebalance (its heartbeat between retries fails).
    await using _second = await startLabConsumer(infra, { groupId: first.groupId, handlers: handlers('rebalance') })
    await eventually(async () => (await outcomeCount(first.groupId, 'lab.note.created', 'abandoned')) > 0)
    await locker.commit()
    await locker.end()

    await eventually(async () => (await effectsOf(infra, noteId)).length === 1, { timeoutMs: 30_000 })
    await dlq.caughtUp()
    expect({
      effects: (await effectsOf(infra, noteId)).map((e) => e.eventId),
      deadLetters: dlq.records.filter((r) => r.headers['id'] === event.event.id).length,
      handled: await outcomeCount(first.groupId, 'lab.note.created', 'handled'),
    }).toEqual({ effects: [event.event.id], deadLetters: 0, handled: 1 })
  }, 90_000)
})
