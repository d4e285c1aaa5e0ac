import { describe, expect, test } from 'bun:test'
import { Redis } from 'ioredis'
import { createConnection } from 'mysql2/promise'
import { encodeEvent, handle, transient } from '../../src/kafka'
import { eventually, tapTopics } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import { onNoteCreated } from '../lab/handlers'
import { writeNote } from '../lab/notes'
import {
  effectsOf,
  freshMeta,
  insertBareNote,
  LAB_DLQ,
  LAB_TOPIC,
  labInfra,
  outcomeCount,
  produceTo,
  retryCount,
  startLabConsumer,
} from './lab-fixture'

describe('consumer runner', () => {
  test('when the same event is delivered twice, then its effect happens once', async () => {
    await using infra = labInfra()
    await using consumer = await startLabConsumer(infra)

    const { noteId, outgoing } = await writeNote(infra.db, 'delivered twice')
    await eventually(async () => (await effectsOf(infra, noteId)).length === 1)
    const { key, value } = encodeEvent(outgoing)
    await produceTo(infra, [{ key, value }])

    await eventually(async () => (await outcomeCount(consumer.groupId, 'lab.note.created', 'duplicate')) === 1)
    expect((await effectsOf(infra, noteId)).map((e) => e.eventId)).toEqual([outgoing.event.id])
  })

  test('when a record breaks its contract, then it lands in the DLQ with the reason in headers and the partition moves on', async () => {
    await using infra = labInfra()
    await using dlq = await tapTopics(infra.kafka, [LAB_DLQ])
    await using _consumer = await startLabConsumer(infra)
    const noteId = await insertBareNote(infra, 'after the poison')
    const poison = LabNoteCreatedV1.create({ noteId, body: 'x' }, freshMeta())
    const broken = { ...poison.event, data: { noteId: 'not-a-number', body: 'x' } }
    const valid = LabNoteCreatedV1.create({ noteId, body: 'after the poison' }, freshMeta())

    await produceTo(infra, [
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
    expect(letters.map((r) => r.headers['dlq-rejection-reason'])).toEqual([undefined, undefined])
  })

  test('when the handler rejects an event, then it is dead-lettered as rejected and not retried', async () => {
    await using infra = labInfra()
    await using dlq = await tapTopics(infra.kafka, [LAB_DLQ])
    await using consumer = await startLabConsumer(infra)
    const unknownNote = LabNoteCreatedV1.create(
      { noteId: 2 ** 40 + Math.floor(Math.random() * 1e6), body: '?' },
      freshMeta(),
    )

    await produceTo(infra, [{ key: unknownNote.key, value: encodeEvent(unknownNote).value }])

    const letter = await eventually(() => dlq.records.find((r) => r.value?.includes(unknownNote.event.id)))
    expect([letter.headers['dlq-reason'], letter.headers['dlq-rejection-reason']]).toEqual(['rejected', 'unknown-note'])
    expect(await outcomeCount(consumer.groupId, 'lab.note.created', 'dead_lettered')).toBe(1)
  })

  test('when an event type is unknown to the consumer, then it is skipped and the partition moves on', async () => {
    await using infra = labInfra()
    await using consumer = await startLabConsumer(infra)
    const noteId = await insertBareNote(infra, 'after an unknown type')
    const known = LabNoteCreatedV1.create({ noteId, body: 'after an unknown type' }, freshMeta())
    const unknown = { ...known.event, id: crypto.randomUUID(), type: 'lab.note.archived' }

    await produceTo(infra, [
      { key: String(noteId), value: JSON.stringify(unknown) },
      { key: String(noteId), value: encodeEvent(known).value },
    ])

    await eventually(async () => (await effectsOf(infra, noteId)).length === 1)
    expect(await outcomeCount(consumer.groupId, 'lab.note.archived', 'ignored')).toBe(1)
  })

  test('when the database reports a transient error, then the event is retried in place, not dead-lettered', async () => {
    await using infra = labInfra()
    // The handler waits at most 1 s for a row lock, so the test's lock below turns into ER_LOCK_WAIT_TIMEOUT.
    const impatient = onNoteCreated('transient', { lockWaitTimeoutS: 1 })
    await using consumer = await startLabConsumer(infra, { handlers: [impatient] })
    const noteId = await insertBareNote(infra, 'locked for a while')
    const locker = await createConnection({ uri: infra.env.databaseUrl('lab') })
    await locker.beginTransaction()
    await locker.query('SELECT id FROM lab_notes WHERE id = ? FOR UPDATE', [noteId])
    const retriesBefore = await retryCount(consumer.groupId)
    const event = LabNoteCreatedV1.create({ noteId, body: 'locked for a while' }, freshMeta())

    await produceTo(infra, [{ key: event.key, value: encodeEvent(event).value }])
    await eventually(async () => (await retryCount(consumer.groupId)) > retriesBefore, { timeoutMs: 20_000 })
    await locker.commit()
    await locker.end()

    await eventually(async () => (await effectsOf(infra, noteId)).length === 1)
    expect(await outcomeCount(consumer.groupId, 'lab.note.created', 'dead_lettered')).toBe(0)
  })

  test('when an event of a handled type arrives in a version nobody handles, then it is skipped, not dead-lettered', async () => {
    await using infra = labInfra()
    await using dlq = await tapTopics(infra.kafka, [LAB_DLQ])
    await using consumer = await startLabConsumer(infra)
    const noteId = await insertBareNote(infra, 'after a v2 event')
    const v1 = LabNoteCreatedV1.create({ noteId, body: 'after a v2 event' }, freshMeta())
    const v2 = {
      ...v1.event,
      id: crypto.randomUUID(),
      dataschema: 'urn:commerce:schema:lab.note.created:v2',
      data: { note: { id: noteId }, text: 'v2 shape' },
    }

    await produceTo(infra, [
      { key: String(noteId), value: JSON.stringify(v2) },
      { key: String(noteId), value: encodeEvent(v1).value },
    ])

    await eventually(async () => (await effectsOf(infra, noteId)).length === 1)
    await dlq.caughtUp()
    expect({
      ignored: await outcomeCount(consumer.groupId, 'lab.note.created', 'ignored'),
      deadLettered: dlq.records.filter((r) => r.key === String(noteId)).length,
    }).toEqual({ ignored: 1, deadLettered: 0 })
  })

  test('when a handler throws an error nobody classified, then it is dead-lettered at once as handler-error', async () => {
    await using infra = labInfra()
    await using dlq = await tapTopics(infra.kafka, [LAB_DLQ])
    let calls = 0
    const noteId = await insertBareNote(infra, 'buggy')
    // Only this test's note: other writers may share the lab topic.
    const buggy = handle(LabNoteCreatedV1, async (event) => {
      if (event.data.noteId !== noteId) return
      calls++
      throw new RangeError('a bug in the handler')
    })
    await using consumer = await startLabConsumer(infra, { handlers: [buggy] })
    const event = LabNoteCreatedV1.create({ noteId, body: 'buggy' }, freshMeta())

    await produceTo(infra, [encodeEvent(event)])

    const letter = await eventually(() => dlq.records.find((r) => r.headers['id'] === event.event.id))
    expect({
      reason: letter.headers['dlq-reason'],
      error: letter.headers['dlq-error'],
      calls,
      retries: await retryCount(consumer.groupId),
    }).toEqual({ reason: 'handler-error', error: 'RangeError: a bug in the handler', calls: 1, retries: 0 })
  })

  test('when a Redis connection is closed or a called service answers 503, then the event is retried in place and handled', async () => {
    await using infra = labInfra()
    await using flaky = flakyService()
    const redis = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    })
    redis.on('error', () => {})
    const failures = [() => redis.get('never'), () => fetch(flaky.url).then(flaky.raiseForStatus)]
    const apply = onNoteCreated('transient-infra')
    const noteId = await insertBareNote(infra, 'flaky dependencies')
    const calling = handle(LabNoteCreatedV1, async (event, context) => {
      if (event.data.noteId !== noteId) return
      await failures.shift()?.()
      await apply.run(event, context)
    })
    await using consumer = await startLabConsumer(infra, { handlers: [calling] })
    const event = LabNoteCreatedV1.create({ noteId, body: 'flaky dependencies' }, freshMeta())

    await produceTo(infra, [{ key: event.key, value: encodeEvent(event).value }])

    await eventually(async () => (await effectsOf(infra, noteId)).length === 1)
    redis.disconnect()
    expect({
      deadLettered: await outcomeCount(consumer.groupId, 'lab.note.created', 'dead_lettered'),
      retries: await retryCount(consumer.groupId),
    }).toEqual({ deadLettered: 0, retries: 2 })
  })

  test('when a handler marks a failure transient, then it is retried instead of dead-lettered', async () => {
    await using infra = labInfra()
    let calls = 0
    const apply = onNoteCreated('marked')
    const noteId = await insertBareNote(infra, 'marked transient')
    const marked = handle(LabNoteCreatedV1, async (event, context) => {
      if (event.data.noteId !== noteId) return
      calls++
      if (calls === 1) throw transient(new Error('the gateway asked us to come back'))
      await apply.run(event, context)
    })
    await using consumer = await startLabConsumer(infra, { handlers: [marked] })
    const event = LabNoteCreatedV1.create({ noteId, body: 'marked transient' }, freshMeta())

    await produceTo(infra, [{ key: event.key, value: encodeEvent(event).value }])

    await eventually(async () => (await effectsOf(infra, noteId)).length === 1)
    expect({ calls, retries: await retryCount(consumer.groupId) }).toEqual({ calls: 2, retries: 1 })
  })
})

/** A service that answers 503 (status on the thrown error, as an HTTP client would carry it). */
function flakyService() {
  const server = Bun.serve({ port: 0, fetch: () => new Response('busy', { status: 503 }) })
  const raiseForStatus = (response: Response) => {
    if (!response.ok) throw Object.assign(new Error(`answered ${response.status}`), { status: response.status })
  }
  const stop = () => server.stop(true)
  return { url: `http://127.0.0.1:${server.port}/`, raiseForStatus, [Symbol.asyncDispose]: stop }
}
