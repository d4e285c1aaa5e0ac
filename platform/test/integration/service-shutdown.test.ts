import { describe, expect, test } from 'bun:test'
import { inArray, like } from 'drizzle-orm'
import { outbox } from '../../src/db'
import { freshName, spawnService } from '../../src/testing'
import { labNotes } from '../lab/schema'
import { labInfra } from './lab-fixture'
import { postNote, sampleEnv, sampleMain } from './sample-fixture'

describe('graceful shutdown (runService)', () => {
  test('when SIGTERM arrives during a burst of writes, then readiness turns red first, every request is answered or refused cleanly, nothing is half-written, and the process exits 0', async () => {
    await using infra = labInfra()
    const { child, url } = await spawnService(sampleMain, sampleEnv({ LOG_LEVEL: 'info', SHUTDOWN_DRAIN_MS: '300' }))
    const prefix = freshName('burst')
    let sent = 0
    const answers: Awaited<ReturnType<typeof postNote>>[] = []
    const readiness: number[] = []
    const workers = Array.from({ length: 16 }, async () => {
      while (sent < 400) {
        const n = sent++
        answers.push(await postNote(url, `${prefix}-${n}`))
        if (n === 100) child.kill('SIGTERM')
      }
    })
    const probe = (async () => {
      while (child.exitCode === null) {
        readiness.push(
          await fetch(`${url}/health/ready`).then(
            (r) => r.status,
            () => 0,
          ),
        )
      }
    })()
    await Promise.all(workers)
    const exitCode = await child.exited
    await probe

    const created = answers.filter((a) => a.status === 201).map((a) => a.body?.data?.noteId ?? 0)
    const statuses = [...new Set(answers.map((a) => a.status))].sort()
    // Every note of the burst that committed was answered 201: no accepted request was cut off.
    const notes = await infra.db
      .select()
      .from(labNotes)
      .where(like(labNotes.body, `${prefix}-%`))
    const events = await infra.db
      .select()
      .from(outbox)
      .where(inArray(outbox.aggregateId, created.map(String)))
    expect(exitCode).toBe(0)
    expect(statuses.every((s) => s === 201 || s === 503 || s === 0)).toBe(true)
    expect({ notes: notes.length, events: events.length }).toEqual({ notes: created.length, events: created.length })
    expect(created.length).toBeGreaterThan(100)
    expect(readiness.indexOf(503)).toBeGreaterThanOrEqual(0)
    expect(readiness.slice(readiness.indexOf(503)).every((s) => s === 503 || s === 0)).toBe(true)
  })
})
