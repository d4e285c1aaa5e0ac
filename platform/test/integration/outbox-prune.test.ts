import { describe, expect, test } from 'bun:test'
import { eq } from 'drizzle-orm'
import { outbox } from '../../src/db'
import { pruneOutbox } from '../../src/outbox'
import { eventually, tapTopics } from '../../src/testing'
import { connectorStatus } from '../../stack/provision/connect-client'
import { writeNote } from '../lab/notes'
import { LAB_TOPIC, labInfra } from './lab-fixture'

describe('outbox pruning', () => {
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
})
