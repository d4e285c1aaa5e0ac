import { describe, expect, test } from 'bun:test'
import { inArray } from 'drizzle-orm'
import { eventually, freshName, positionGroupAtEnd } from '../../src/testing'
import { writeNote } from '../lab/notes'
import { labEffects } from '../lab/schema'
import { effectsOf, LAB_TOPIC, type LabInfra, labInfra } from './lab-fixture'
import { spawnLabConsumer, stack } from './stack-control'

/** A group positioned at the topic's end, and the env its consumer processes need. */
async function skeletonGroup(infra: LabInfra, name: string) {
  const groupId = freshName(name)
  await positionGroupAtEnd(infra.kafka, groupId, [LAB_TOPIC])
  const env = { LAB_MARIADB_URL: infra.env.databaseUrl('lab'), KAFKA_BROKERS: infra.env.kafkaBrokers }
  return { groupId, spawn: () => spawnLabConsumer(groupId, env) }
}

/** Writes notes one after another and remembers them, so a test can check each took effect exactly once. */
function noteStream(infra: LabInfra) {
  const noteIds: number[] = []
  const effectCounts = async () => {
    const rows = await infra.db.select().from(labEffects).where(inArray(labEffects.noteId, noteIds))
    const counts = new Map(noteIds.map((id) => [id, 0]))
    for (const row of rows) counts.set(row.noteId, (counts.get(row.noteId) ?? 0) + 1)
    return counts
  }
  return {
    noteIds,
    write: async (count: number, label: string) => {
      for (let i = 0; i < count; i++) noteIds.push((await writeNote(infra.db, `${label} ${i}`)).noteId)
    },
    /** Waits until the note at `index` took effect: the consumer is demonstrably working. */
    effectAt: (index: number) =>
      eventually(async () => ((await effectCounts()).get(noteIds[index] ?? 0) ?? 0) > 0, { what: 'first effects' }),
    /** Waits until every note took effect; returns the notes whose effect count is not exactly one. */
    notExactlyOnce: async (timeoutMs: number) => {
      const counts = await eventually(
        async () => {
          const c = await effectCounts()
          return [...c.values()].every((n) => n > 0) && c
        },
        { timeoutMs, what: 'every note took effect' },
      )
      return [...counts].filter(([, n]) => n !== 1)
    },
  }
}

describe('walking skeleton: outbox → Debezium → Kafka → consumer in another process', () => {
  test('when a note is written, then a consumer in another process applies its effect exactly once', async () => {
    await using infra = labInfra()
    const group = await skeletonGroup(infra, 'skeleton')
    await using _consumer = group.spawn()

    const { noteId, outgoing } = await writeNote(infra.db, 'across processes')

    const effects = await eventually(async () => {
      const rows = await effectsOf(infra, noteId)
      return rows.length > 0 && rows
    })
    expect(effects.map((e) => ({ eventId: e.eventId, consumer: e.consumer }))).toEqual([
      { eventId: outgoing.event.id, consumer: group.groupId },
    ])
  })

  test('when Kafka Connect is killed and restarted mid-stream, then no event is lost and none takes effect twice', async () => {
    await using infra = labInfra()
    const group = await skeletonGroup(infra, 'skeleton-connect-crash')
    await using _consumer = group.spawn()
    const notes = noteStream(infra)

    await notes.write(30, 'before the crash')
    await notes.effectAt(10)
    const writingDuringCrash = notes.write(30, 'while Connect dies')
    await stack('kill', 'connect')
    await writingDuringCrash
    await notes.write(30, 'while Connect is down')
    await stack('start', 'connect')
    await notes.write(30, 'after the restart')

    expect(await notes.notExactlyOnce(90_000)).toEqual([])
    expect(notes.noteIds.length).toBe(120)
  }, 150_000)

  test('when the consumer process is killed mid-stream and restarted, then every event takes effect exactly once', async () => {
    await using infra = labInfra()
    const group = await skeletonGroup(infra, 'skeleton-consumer-crash')
    const first = group.spawn()
    const notes = noteStream(infra)

    await notes.write(30, 'before the consumer dies')
    await notes.effectAt(5)
    const writingDuringCrash = notes.write(30, 'while the consumer dies')
    await first.crash()
    await writingDuringCrash
    await using _second = group.spawn()
    await notes.write(30, 'after the restart')

    expect(await notes.notExactlyOnce(60_000)).toEqual([])
  }, 120_000)
})
