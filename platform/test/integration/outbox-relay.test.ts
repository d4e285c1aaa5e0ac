import { describe, expect, test } from 'bun:test'
import { eventually, tapTopics } from '../../src/testing'
import { RollbackRequested, writeNote } from '../lab/notes'
import { LAB_TOPIC, labInfra } from './lab-fixture'

describe('outbox relayed by Debezium', () => {
  test('when a note commits with its outbox row, then its event arrives with topic, key, headers and every CloudEvent attribute intact', async () => {
    await using infra = labInfra()
    await using tap = await tapTopics(infra.kafka, [LAB_TOPIC])

    const { noteId, outgoing } = await writeNote(infra.db, 'hello — 안녕하세요 ✓')

    const record = await eventually(() => tap.records.find((r) => r.headers['id'] === outgoing.event.id))
    expect({
      topic: record.topic,
      key: record.key,
      value: record.value,
      id: record.headers['id'],
      type: record.headers['ce_type'],
    }).toEqual({
      topic: LAB_TOPIC,
      key: String(noteId),
      value: JSON.stringify(outgoing.event),
      id: outgoing.event.id,
      type: 'lab.note.created',
    })
    expect(JSON.parse(record.value ?? '')).toEqual({
      specversion: '1.0',
      id: outgoing.event.id,
      source: '/commerce/lab',
      type: 'lab.note.created',
      subject: `note/${noteId}`,
      time: outgoing.event.time,
      datacontenttype: 'application/json',
      dataschema: 'urn:commerce:schema:lab.note.created:v1',
      correlationid: `note-${noteId}`,
      causationid: outgoing.event.causationid,
      data: { noteId, body: 'hello — 안녕하세요 ✓' },
    })
  })

  test('when the transaction rolls back, then nothing is published', async () => {
    await using infra = labInfra()
    await using tap = await tapTopics(infra.kafka, [LAB_TOPIC])

    const rolledBack = await writeNote(infra.db, 'never happened', { rollback: true }).catch((e: unknown) => e)
    const marker = await writeNote(infra.db, 'marker after the rollback')

    expect(rolledBack).toBeInstanceOf(RollbackRequested)
    await eventually(() => tap.records.some((r) => r.headers['id'] === marker.outgoing.event.id))
    await tap.caughtUp()
    expect(tap.records.filter((r) => r.value?.includes('never happened'))).toEqual([])
  })
})
