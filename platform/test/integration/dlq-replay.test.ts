import { describe, expect, test } from 'bun:test'
import { deleteTopics, dlqTopicOf, encodeEvent, ensureTopics, produce, replayDlq } from '../../src/kafka'
import { eventually, freshName, tapTopics } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import { labNotes } from '../lab/schema'
import { effectsOf, type LabInfra, labInfra, startLabConsumer } from './lab-fixture'

// A topic of its own, so the replay sees only this test's dead letters (other tests leave poison in the lab DLQ).
const TOPIC = 'commerce.labreplay.events'
const DLQ = `${TOPIC}.dlq`
const meta = () => ({ now: new Date(), correlationId: 'replay', causationId: 'replay' })

/** A fresh event topic and its DLQ, deleted again when disposed. */
async function scratchTopics(infra: LabInfra) {
  const topic = `commerce.${freshName('labreplay').replaceAll('-', '')}.events`
  const dlq = dlqTopicOf(topic)
  await ensureTopics(infra.kafka, [
    { topic, partitions: 1 },
    { topic: dlq, partitions: 1 },
  ])
  return { topic, dlq, [Symbol.asyncDispose]: () => deleteTopics(infra.kafka, [topic, dlq]) }
}

describe('DLQ replay', () => {
  test('when dead letters are replayed after their cause is fixed, then each takes effect once and a second replay moves nothing', async () => {
    await using infra = labInfra()
    await ensureTopics(infra.kafka, [
      { topic: TOPIC, partitions: 3 },
      { topic: DLQ, partitions: 1 },
    ])
    // Earlier runs' letters must not count: move whatever is pending before this test starts.
    await replayDlq({ kafka: infra.kafka, dlqTopic: DLQ })
    await using dlq = await tapTopics(infra.kafka, [DLQ])
    await using consumer = await startLabConsumer(infra, { topics: [TOPIC] })
    const noteId = Date.now() * 10 + Math.floor(Math.random() * 10)
    const event = LabNoteCreatedV1.create({ noteId, body: 'arrives before its note' }, meta())
    await produce(infra.kafka, TOPIC, [encodeEvent(event)])
    await eventually(() => dlq.records.some((r) => r.headers['id'] === event.event.id))

    await infra.db.insert(labNotes).values({ id: noteId, body: 'now it exists', createdAt: new Date() })
    const first = await replayDlq({ kafka: infra.kafka, dlqTopic: DLQ })
    const effects = await eventually(async () => {
      const rows = await effectsOf(infra, noteId)
      return rows.length > 0 && rows
    })
    const second = await replayDlq({ kafka: infra.kafka, dlqTopic: DLQ })

    expect({ first, second, effects: effects.map((e) => [e.eventId, e.consumer]) }).toEqual({
      first: { moved: 1, skipped: 0 },
      second: { moved: 0, skipped: 0 },
      effects: [[event.event.id, consumer.groupId]],
    })
  })

  test('when a replay is filtered by reason, then only those letters move and a later unfiltered replay moves the rest', async () => {
    await using infra = labInfra()
    await using scratch = await scratchTopics(infra)
    const unknownNote = () => 2 ** 41 + Math.floor(Math.random() * 1e9)
    const rejectedA = LabNoteCreatedV1.create({ noteId: unknownNote(), body: 'a' }, meta())
    const rejectedB = LabNoteCreatedV1.create({ noteId: unknownNote(), body: 'b' }, meta())
    const brokenBase = LabNoteCreatedV1.create({ noteId: 1, body: 'c' }, meta()).event
    const broken = { ...brokenBase, data: { noteId: 'not a number' } }
    {
      await using dlq = await tapTopics(infra.kafka, [scratch.dlq])
      await using _consumer = await startLabConsumer(infra, { topics: [scratch.topic] })
      await produce(infra.kafka, scratch.topic, [
        encodeEvent(rejectedA),
        { key: 'broken', value: JSON.stringify(broken) },
        encodeEvent(rejectedB),
      ])
      await eventually(() => dlq.records.length === 3)
    }
    await using moved = await tapTopics(infra.kafka, [scratch.topic])

    const filtered = await replayDlq({ kafka: infra.kafka, dlqTopic: scratch.dlq, reasons: ['rejected'] })
    await eventually(() => moved.records.length === 2)
    const rest = await replayDlq({ kafka: infra.kafka, dlqTopic: scratch.dlq })
    await eventually(() => moved.records.length === 3)
    const nothing = await replayDlq({ kafka: infra.kafka, dlqTopic: scratch.dlq })
    await moved.caughtUp()

    expect({
      filtered,
      rest,
      nothing,
      movedIds: moved.records.map((r) => r.headers['id'] ?? JSON.parse(r.value ?? '{}').id),
      dlqHeadersLeft: moved.records.flatMap((r) => Object.keys(r.headers).filter((h) => h.startsWith('dlq-r'))),
    }).toEqual({
      filtered: { moved: 2, skipped: 1 },
      rest: { moved: 1, skipped: 0 },
      nothing: { moved: 0, skipped: 0 },
      movedIds: [rejectedA.event.id, rejectedB.event.id, broken.id],
      dlqHeadersLeft: ['dlq-replayed-at', 'dlq-replayed-at', 'dlq-replayed-at'],
    })
  })
})
