import { describe, expect, test } from 'bun:test'
import { eq } from 'drizzle-orm'
import { outbox, processedEvents, pruneInbox } from '../../src/db'
import { pruneOutbox } from '../../src/outbox'
import { eventually, freshName, tapTopics } from '../../src/testing'
import { connectorStatus } from '../../stack/provision/connect-client'
import { writeNote } from '../lab/notes'
import { LAB_TOPIC, labInfra } from './lab-fixture'

describe('retention of outbox and inbox rows', () => {
  test('when published outbox rows are pruned, then they are gone, Debezium publishes nothing for the deletes and keeps relaying', async () => {
    await using infra = labInfra()
    await using tap = await tapTopics(infra.kafka, [LAB_TOPIC])
    const first = await writeNote(infra.db, 'published, then pruned')
    await eventually(() => tap.records.some((r) => r.headers['id'] === first.outgoing.event.id))

    const pruned = await pruneOutbox(infra.db, { olderThan: new Date(Date.now() + 1000) })
    const second = await writeNote(infra.db, 'written after the prune')
    await eventually(() => tap.records.some((r) => r.headers['id'] === second.outgoing.event.id))
    await tap.caughtUp()

    expect(pruned).toBeGreaterThan(0)
    expect(await infra.db.select().from(outbox).where(eq(outbox.id, first.outgoing.event.id))).toEqual([])
    expect(tap.records.map((r) => r.headers['id'])).toEqual([first.outgoing.event.id, second.outgoing.event.id])
    const status = await connectorStatus(infra.env.connectUrl, 'outbox-commerce_lab')
    expect(status?.tasks.map((t) => t.state)).toEqual(['RUNNING'])
  })

  test('when the inbox is pruned, then only rows older than the cut-off go', async () => {
    await using infra = labInfra()
    const consumer = freshName('retention')
    await infra.db.insert(processedEvents).values([
      { consumer, eventId: 'old', eventType: 'lab.note.created', processedAt: new Date('2001-01-01T00:00:00Z') },
      { consumer, eventId: 'recent', eventType: 'lab.note.created', processedAt: new Date() },
    ])

    const pruned = await pruneInbox(infra.db, { olderThan: new Date('2002-01-01T00:00:00Z') })

    const left = await infra.db.select().from(processedEvents).where(eq(processedEvents.consumer, consumer))
    expect(pruned).toBeGreaterThanOrEqual(1)
    expect(left.map((r) => r.eventId)).toEqual(['recent'])
  })
})
