import { describe, expect, test } from 'bun:test'
import { eq } from 'drizzle-orm'
import { type Db, outbox, processedEvents, pruneInbox } from '../../src/db'
import { appendOutbox, pruneOutbox } from '../../src/outbox'
import { eventually, freshName, tapTopics } from '../../src/testing'
import { connectorStatus } from '../../stack/provision/connect-client'
import { cdcSources } from '../../stack/provision/topology'
import { LabNoteCreatedV1 } from '../lab/events'
import { writeNote } from '../lab/notes'
import { labNotes } from '../lab/schema'
import { LAB_TOPIC, labInfra } from './lab-fixture'

// This test's outbox rows are dated a day back. Every other test writes rows at the current time, so a cut-off just
// past that date prunes only this test's rows (and leftovers of runs more than a day old, which no test owns).
// Not older: the EventRouter stamps the Kafka record with created_at, and a record older than the topic's
// retention.ms (7 days) sits in a segment the broker may delete at its next retention check.
const A_DAY_MS = 86_400_000

/** writeNote, with the business row, the event time and the outbox row's created_at all at `at`. */
async function writeNoteAt(db: Db, body: string, at: Date) {
  return db.transaction(async (tx) => {
    const [inserted] = await tx.insert(labNotes).values({ body, createdAt: at })
    const noteId = inserted.insertId
    const meta = { now: at, correlationId: `note-${noteId}`, causationId: crypto.randomUUID() }
    const outgoing = LabNoteCreatedV1.create({ noteId, body }, meta)
    await appendOutbox(tx, outgoing)
    return { noteId, outgoing }
  })
}

describe('retention of outbox and inbox rows', () => {
  test('when published outbox rows are pruned, then they are gone, Debezium publishes nothing for the deletes and keeps relaying', async () => {
    await using infra = labInfra()
    await using tap = await tapTopics(infra.kafka, [LAB_TOPIC])
    const at = new Date(Date.now() - A_DAY_MS)
    const first = await writeNoteAt(infra.db, 'published, then pruned', at)
    await eventually(() => tap.records.some((r) => r.headers['id'] === first.outgoing.event.id))

    await pruneOutbox(infra.db, { olderThan: new Date(at.getTime() + 1) })
    const second = await writeNote(infra.db, 'written after the prune')
    await eventually(() => tap.records.some((r) => r.headers['id'] === second.outgoing.event.id))
    await tap.caughtUp()

    expect(await infra.db.select().from(outbox).where(eq(outbox.id, first.outgoing.event.id))).toEqual([])
    expect(await infra.db.select().from(outbox).where(eq(outbox.id, second.outgoing.event.id))).toHaveLength(1)
    const ours = new Set([String(first.noteId), String(second.noteId)])
    expect(tap.records.filter((r) => ours.has(r.key ?? '')).map((r) => r.headers['id'])).toEqual([
      first.outgoing.event.id,
      second.outgoing.event.id,
    ])
    const labSource = cdcSources.find((s) => s.databases.some((db) => db.database === 'commerce_lab'))
    const status = await connectorStatus(infra.env.connectUrl, labSource?.name ?? 'none captures commerce_lab')
    expect(status?.tasks.map((t) => t.state)).toEqual(['RUNNING'])
  })

  test('when the inbox is pruned, then only rows older than the cut-off go', async () => {
    await using infra = labInfra()
    const consumer = freshName('retention')
    // Only this test dates inbox rows in 2001; the cut-off (2002) is below every row any other test writes.
    await infra.db.insert(processedEvents).values([
      { consumer, eventId: 'old', eventType: 'lab.note.created', processedAt: new Date('2001-01-01T00:00:00Z') },
      { consumer, eventId: 'recent', eventType: 'lab.note.created', processedAt: new Date() },
    ])

    await pruneInbox(infra.db, { olderThan: new Date('2002-01-01T00:00:00Z') })

    const left = await infra.db.select().from(processedEvents).where(eq(processedEvents.consumer, consumer))
    expect(left.map((r) => r.eventId)).toEqual(['recent'])
  })
})
