import { describe, expect, test } from 'bun:test'
import { encodeEvent } from '../../src/kafka'
import { eventually, tapTopics } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import {
  effectsOf,
  freshMeta,
  insertBareNote,
  LAB_DLQ,
  labInfra,
  outcomeCount,
  produceTo,
  startLabConsumer,
} from './lab-fixture'

// Records of one partition that arrive together share one transaction (group-commit.ts). These tests send several
// records with one key in one produce call, so they land in one partition and (normally) one fetched batch.
describe('consumer runner: consecutive records sharing a transaction', () => {
  test('when a run of records holds a redelivered event, then every event takes effect once', async () => {
    await using infra = labInfra()
    await using consumer = await startLabConsumer(infra)
    const noteIds = [
      await insertBareNote(infra, 'run 1'),
      await insertBareNote(infra, 'run 2'),
      await insertBareNote(infra, 'run 3'),
    ]
    const events = noteIds.map((noteId) => LabNoteCreatedV1.create({ noteId, body: 'run' }, freshMeta()))
    const [first, second, third] = events.map((e) => ({ ...encodeEvent(e), key: 'shared-run' }))
    if (!first || !second || !third) throw new Error('three events expected')

    await produceTo(infra, [first, second, first, third, second])

    await eventually(async () => (await outcomeCount(consumer.groupId, 'lab.note.created', 'duplicate')) === 2)
    const effects = (await Promise.all(noteIds.map((id) => effectsOf(infra, id)))).flat()
    expect(effects.map((e) => e.noteId).sort()).toEqual([...noteIds].sort())
  })

  test('when one record of a run fails, then its neighbours commit and it alone is dead-lettered', async () => {
    await using infra = labInfra()
    await using dlq = await tapTopics(infra.kafka, [LAB_DLQ])
    await using _consumer = await startLabConsumer(infra)
    const before = await insertBareNote(infra, 'before the unknown note')
    const after = await insertBareNote(infra, 'after the unknown note')
    const unknownNote = 2 ** 40 + Math.floor(Math.random() * 1e6)
    const records = [before, unknownNote, after].map((noteId) => ({
      ...encodeEvent(LabNoteCreatedV1.create({ noteId, body: 'run' }, freshMeta())),
      key: `failing-run-${before}`,
    }))

    await produceTo(infra, records)

    await eventually(async () => (await effectsOf(infra, after)).length === 1)
    const letter = await eventually(() => dlq.records.find((r) => r.key === `failing-run-${before}`))
    expect({
      before: (await effectsOf(infra, before)).length,
      after: (await effectsOf(infra, after)).length,
      letter: letter.headers['dlq-rejection-reason'],
    }).toEqual({ before: 1, after: 1, letter: 'unknown-note' })
  })
})
