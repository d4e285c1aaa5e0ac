import { describe, expect, test } from 'bun:test'
import { sql } from 'drizzle-orm'
import { createConnection } from 'mysql2/promise'
import { type EventHandler, encodeEvent } from '../../src/kafka'
import { consumerRetries } from '../../src/metrics'
import { eventually, tapTopics } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import { onNoteCreated } from '../lab/handlers'
import { writeNote } from '../lab/notes'
import { labNotes } from '../lab/schema'
import { effectsOf, LAB_DLQ, LAB_TOPIC, labInfra, outcomeCount, startLabConsumer } from './lab-fixture'

const meta = () => ({ now: new Date(), correlationId: crypto.randomUUID(), causationId: crypto.randomUUID() })

/** A note row without an outbox row, so the test alone decides which records reach the topic. */
async function insertBareNote(infra: ReturnType<typeof labInfra>, body: string): Promise<number> {
  const [inserted] = await infra.db.insert(labNotes).values({ body, createdAt: new Date() })
  return inserted.insertId
}

async function produce(infra: ReturnType<typeof labInfra>, messages: { key: string; value: string }[]) {
  const producer = infra.kafka.producer({ allowAutoTopicCreation: false })
  await producer.connect()
  await producer.send({ topic: LAB_TOPIC, acks: -1, messages })
  await producer.disconnect()
}

describe('consumer runner', () => {
  test('when the same event is delivered twice, then its effect happens once', async () => {
    await using infra = labInfra()
    await using consumer = await startLabConsumer(infra)

    const { noteId, outgoing } = await writeNote(infra.db, 'delivered twice')
    await eventually(async () => (await effectsOf(infra, noteId)).length === 1)
    const { key, value } = encodeEvent(outgoing)
    await produce(infra, [{ key, value }])

    await eventually(async () => (await outcomeCount(consumer.groupId, 'lab.note.created', 'duplicate')) === 1)
    expect((await effectsOf(infra, noteId)).map((e) => e.eventId)).toEqual([outgoing.event.id])
  })

  test('when a record breaks its contract, then it lands in the DLQ with the reason in headers and the partition moves on', async () => {
    await using infra = labInfra()
    await using dlq = await tapTopics(infra.kafka, [LAB_DLQ])
    await using _consumer = await startLabConsumer(infra)
    const noteId = await insertBareNote(infra, 'after the poison')
    const poison = LabNoteCreatedV1.create({ noteId, body: 'x' }, meta())
    const broken = { ...poison.event, data: { noteId: 'not-a-number', body: 'x' } }
    const valid = LabNoteCreatedV1.create({ noteId, body: 'after the poison' }, meta())

    await produce(infra, [
      { key: String(noteId), value: JSON.stringify(broken) },
      { key: String(noteId), value: 'not json at all' },
      { key: String(noteId), value: encodeEvent(valid).value },
    ])

    await eventually(async () => (await effectsOf(infra, noteId)).length === 1)
    const letters = await eventually(() => {
      const mine = dlq.records.filter((r) => r.key === String(noteId))
      return mine.length === 2 && mine
    })
    expect(letters.map((r) => [r.value, r.headers['dlq-reason'], r.headers['dlq-original-topic']])).toEqual([
      [JSON.stringify(broken), 'contract-violation', LAB_TOPIC],
      ['not json at all', 'undecodable', LAB_TOPIC],
    ])
    expect(letters[0]?.headers['dlq-error']).toContain('/noteId')
    expect(letters[0]?.headers['dlq-consumer']).toBe(_consumer.groupId)
  })

  test('when the handler rejects an event, then it is dead-lettered as rejected and not retried', async () => {
    await using infra = labInfra()
    await using dlq = await tapTopics(infra.kafka, [LAB_DLQ])
    await using consumer = await startLabConsumer(infra)
    const unknownNote = LabNoteCreatedV1.create(
      { noteId: 2 ** 40 + Math.floor(Math.random() * 1e6), body: '?' },
      meta(),
    )

    await produce(infra, [{ key: unknownNote.key, value: encodeEvent(unknownNote).value }])

    const letter = await eventually(() => dlq.records.find((r) => r.value?.includes(unknownNote.event.id)))
    expect(letter.headers['dlq-reason']).toBe('rejected')
    expect(await outcomeCount(consumer.groupId, 'lab.note.created', 'dead_lettered')).toBe(1)
  })

  test('when an event type is unknown to the consumer, then it is skipped and the partition moves on', async () => {
    await using infra = labInfra()
    await using consumer = await startLabConsumer(infra)
    const noteId = await insertBareNote(infra, 'after an unknown type')
    const known = LabNoteCreatedV1.create({ noteId, body: 'after an unknown type' }, meta())
    const unknown = { ...known.event, id: crypto.randomUUID(), type: 'lab.note.archived' }

    await produce(infra, [
      { key: String(noteId), value: JSON.stringify(unknown) },
      { key: String(noteId), value: encodeEvent(known).value },
    ])

    await eventually(async () => (await effectsOf(infra, noteId)).length === 1)
    expect(await outcomeCount(consumer.groupId, 'lab.note.archived', 'ignored')).toBe(1)
  })

  test('when the database reports a transient error, then the event is retried in place, not dead-lettered', async () => {
    await using infra = labInfra()
    const handler = onNoteCreated('transient')
    // The handler waits at most 1 s for a row lock, so the test's lock below turns into ER_LOCK_WAIT_TIMEOUT.
    const impatient: EventHandler = {
      type: handler.type,
      run: async (event, context) => {
        await context.tx.execute(sql`SET SESSION innodb_lock_wait_timeout = 1`)
        await handler.run(event, context)
      },
    }
    await using consumer = await startLabConsumer(infra, { handlers: [impatient] })
    const noteId = await insertBareNote(infra, 'locked for a while')
    const locker = await createConnection({ uri: infra.env.databaseUrl('lab') })
    await locker.beginTransaction()
    await locker.query('SELECT id FROM lab_notes WHERE id = ? FOR UPDATE', [noteId])
    const retriesBefore = await retryCount(consumer.groupId)
    const event = LabNoteCreatedV1.create({ noteId, body: 'locked for a while' }, meta())

    await produce(infra, [{ key: event.key, value: encodeEvent(event).value }])
    await eventually(async () => (await retryCount(consumer.groupId)) > retriesBefore, { timeoutMs: 20_000 })
    await locker.commit()
    await locker.end()

    await eventually(async () => (await effectsOf(infra, noteId)).length === 1)
    expect(await outcomeCount(consumer.groupId, 'lab.note.created', 'dead_lettered')).toBe(0)
    expect(await outcomeCount(consumer.groupId, 'lab.note.created', 'handled')).toBe(1)
  })
})

async function retryCount(groupId: string): Promise<number> {
  const metric = await consumerRetries.get()
  return metric.values.find((v) => v.labels.consumer === groupId)?.value ?? 0
}
