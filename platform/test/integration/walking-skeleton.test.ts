import { describe, expect, test } from 'bun:test'
import { inArray } from 'drizzle-orm'
import { eventually, freshName, positionGroupAtEnd } from '../../src/testing'
import { writeNote } from '../lab/notes'
import { labEffects } from '../lab/schema'
import { effectsOf, LAB_TOPIC, labInfra } from './lab-fixture'
import { spawnLabConsumer, stack } from './stack-control'

async function effectCounts(infra: ReturnType<typeof labInfra>, noteIds: number[]): Promise<Map<number, number>> {
  const rows = await infra.db.select().from(labEffects).where(inArray(labEffects.noteId, noteIds))
  const counts = new Map(noteIds.map((id) => [id, 0]))
  for (const row of rows) counts.set(row.noteId, (counts.get(row.noteId) ?? 0) + 1)
  return counts
}

describe('walking skeleton: outbox → Debezium → Kafka → consumer in another process', () => {
  test('when a note is written, then a consumer in another process applies its effect exactly once', async () => {
    await using infra = labInfra()
    const groupId = freshName('skeleton')
    await positionGroupAtEnd(infra.kafka, groupId, [LAB_TOPIC])
    await using _consumer = spawnLabConsumer(groupId, {
      LAB_MARIADB_URL: infra.env.databaseUrl('lab'),
      KAFKA_BROKERS: infra.env.kafkaBrokers,
    })

    const { noteId, outgoing } = await writeNote(infra.db, 'across processes')

    const effects = await eventually(async () => {
      const rows = await effectsOf(infra, noteId)
      return rows.length > 0 && rows
    })
    expect(effects.map((e) => ({ eventId: e.eventId, consumer: e.consumer }))).toEqual([
      { eventId: outgoing.event.id, consumer: groupId },
    ])
  })

  test('when Kafka Connect is killed and restarted mid-stream, then no event is lost and none takes effect twice', async () => {
    await using infra = labInfra()
    const groupId = freshName('skeleton-restart')
    await positionGroupAtEnd(infra.kafka, groupId, [LAB_TOPIC])
    await using _consumer = spawnLabConsumer(groupId, {
      LAB_MARIADB_URL: infra.env.databaseUrl('lab'),
      KAFKA_BROKERS: infra.env.kafkaBrokers,
    })
    const noteIds: number[] = []
    const writeSome = async (count: number, label: string) => {
      for (let i = 0; i < count; i++) noteIds.push((await writeNote(infra.db, `${label} ${i}`)).noteId)
    }

    await writeSome(30, 'before the crash')
    await eventually(async () => ((await effectCounts(infra, noteIds)).get(noteIds[10] ?? 0) ?? 0) > 0)
    const writingDuringCrash = writeSome(30, 'while Connect dies')
    await stack('kill', 'connect')
    await writingDuringCrash
    await writeSome(30, 'while Connect is down')
    await stack('start', 'connect')
    await writeSome(30, 'after the restart')

    const counts = await eventually(
      async () => {
        const c = await effectCounts(infra, noteIds)
        return [...c.values()].every((n) => n > 0) && c
      },
      { timeoutMs: 90_000, what: 'every note took effect' },
    )
    expect(noteIds.length).toBe(120)
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([])
  }, 150_000)

  test('when the consumer process is killed mid-stream and restarted, then every event takes effect exactly once', async () => {
    await using infra = labInfra()
    const groupId = freshName('skeleton-consumer-crash')
    const consumerEnv = { LAB_MARIADB_URL: infra.env.databaseUrl('lab'), KAFKA_BROKERS: infra.env.kafkaBrokers }
    await positionGroupAtEnd(infra.kafka, groupId, [LAB_TOPIC])
    const first = spawnLabConsumer(groupId, consumerEnv)
    const noteIds: number[] = []
    const writeSome = async (count: number, label: string) => {
      for (let i = 0; i < count; i++) noteIds.push((await writeNote(infra.db, `${label} ${i}`)).noteId)
    }

    await writeSome(30, 'before the consumer dies')
    await eventually(async () => ((await effectCounts(infra, noteIds)).get(noteIds[5] ?? 0) ?? 0) > 0)
    const writingDuringCrash = writeSome(30, 'while the consumer dies')
    await first.crash()
    await writingDuringCrash
    await using _second = spawnLabConsumer(groupId, consumerEnv)
    await writeSome(30, 'after the restart')

    const counts = await eventually(
      async () => {
        const c = await effectCounts(infra, noteIds)
        return [...c.values()].every((n) => n > 0) && c
      },
      { timeoutMs: 60_000, what: 'every note took effect' },
    )
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([])
  }, 120_000)
})
