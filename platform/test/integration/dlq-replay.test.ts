import { describe, expect, test } from 'bun:test'
import { encodeEvent, ensureTopics, replayDlq } from '../../src/kafka'
import { eventually, tapTopics } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import { labNotes } from '../lab/schema'
import { effectsOf, labInfra, startLabConsumer } from './lab-fixture'

// A topic of its own, so the replay sees only this test's dead letters (other tests leave poison in the lab DLQ).
const TOPIC = 'commerce.labreplay.events'
const DLQ = `${TOPIC}.dlq`

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
    const event = LabNoteCreatedV1.create(
      { noteId, body: 'arrives before its note' },
      { now: new Date(), correlationId: 'replay', causationId: 'replay' },
    )
    const producer = infra.kafka.producer({ allowAutoTopicCreation: false })
    await producer.connect()
    await producer.send({ topic: TOPIC, acks: -1, messages: [encodeEvent(event)] })
    await producer.disconnect()
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
})
