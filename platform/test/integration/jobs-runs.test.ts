import { describe, expect, test } from 'bun:test'
import { eq, inArray } from 'drizzle-orm'
import { idempotencyKeys, processedEvents } from '../../src/db'
import { jobLastSuccess, prunedRows, pruneJobs, scheduleJob, startJobs } from '../../src/jobs'
import { appendOutbox } from '../../src/outbox'
import { eventually, freshId, freshName } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import { outbox } from '../lab/schema'
import { capturedLogger, dbNow, jobRunCount, labDb, leaseOf } from './jobs-fixture'

describe('a scheduled job run', () => {
  test('when a run fails, then it is counted and logged as failed and the next tick runs again', async () => {
    await using infra = labDb()
    const { logger, lines } = capturedLogger()
    const name = freshName('job-failing')
    let calls = 0

    await using _job = scheduleJob({
      name,
      everyMs: 100,
      db: infra.db,
      logger,
      run: async () => {
        calls += 1
        if (calls === 1) throw new Error('first run breaks', { cause: new Error('Failed query: x\nparams: secret') })
      },
    })
    await eventually(async () => (await jobRunCount(name, 'succeeded')) >= 1)

    const failures = lines().filter((line) => line['msg'] === 'job run failed')
    expect({
      failed: await jobRunCount(name, 'failed'),
      failures: failures.map((line) => ({ job: line['job'], error: line['error'] })),
      lastOutcome: (await leaseOf(infra.db, name))?.lastOutcome,
    }).toEqual({
      failed: 1,
      failures: [{ job: name, error: 'Error: first run breaks <- Error: Failed query: x' }],
      lastOutcome: 'succeeded',
    })
  })

  test('when the schedule is stopped during a run, then stop() resolves only after that run ended', async () => {
    await using infra = labDb()
    const { logger } = capturedLogger()
    const order: string[] = []
    const started = Promise.withResolvers<AbortSignal>()
    const release = Promise.withResolvers<void>()
    const job = scheduleJob({
      name: freshName('job-stop'),
      everyMs: 60_000,
      db: infra.db,
      logger,
      run: async ({ signal }) => {
        started.resolve(signal)
        await release.promise
        order.push('run ended')
      },
    })
    const signal = await started.promise

    const stopped = job.stop().then(() => order.push('stop resolved'))
    await dbNow(infra.db) // a round trip: time for stop() to settle if it would not wait
    const beforeRelease = [...order]
    release.resolve()
    await stopped

    expect({ beforeRelease, order, runSignalled: signal.aborted }).toEqual({
      beforeRelease: [],
      order: ['run ended', 'stop resolved'],
      runSignalled: true,
    })
  })
})

describe('prune jobs', () => {
  test('when the prune jobs run, then outbox, inbox and key rows past their retention go and younger ones stay', async () => {
    await using infra = labDb()
    const consumer = freshName('prune-job')
    const scope = freshName('prune-scope')
    // Only this test dates inbox and key rows in 1999; a cut-off at 2000 reaches no other test's rows.
    const old = new Date('1999-06-01T00:00:00Z')
    const toCutOff = Date.now() - Date.parse('2000-01-01T00:00:00Z')
    await infra.db.insert(processedEvents).values(
      ['old-1', 'old-2', 'old-3', 'new'].map((eventId) => ({
        consumer,
        eventId,
        eventType: 'lab.note.created',
        processedAt: eventId === 'new' ? new Date() : old,
      })),
    )
    await infra.db.insert(idempotencyKeys).values(
      ['old', 'new'].map((key) => ({
        scope,
        key,
        fingerprint: 'f'.repeat(64),
        createdAt: key === 'new' ? new Date() : old,
      })),
    )
    // Outbox rows are published with their created_at as record time: two days back stays inside Kafka's retention.
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000)
    const stale = LabNoteCreatedV1.create(
      { noteId: freshId(), body: 'pruned' },
      { now: twoDaysAgo, correlationId: consumer, causationId: consumer },
    )
    const fresh = LabNoteCreatedV1.create(
      { noteId: freshId(), body: 'kept' },
      { now: new Date(), correlationId: consumer, causationId: consumer },
    )
    await infra.db.transaction(async (tx) => {
      await appendOutbox(tx, stale)
      await appendOutbox(tx, fresh)
    })
    const { logger } = capturedLogger()
    const pruned = async (table: string) =>
      (await prunedRows.get()).values.find((v) => v.labels.table === table)?.value ?? 0
    const prunedBefore = await pruned('processed_events')
    const startedAt = Date.now() / 1000

    await using _jobs = startJobs(
      infra.db,
      pruneJobs({
        outboxRetentionMs: 36 * 3_600_000,
        inboxRetentionMs: toCutOff,
        idempotencyRetentionMs: toCutOff,
        everyMs: 1_000,
        batchSize: 2,
      }),
      logger,
    )
    const left = await eventually(async () => {
      const inbox = await infra.db.select().from(processedEvents).where(eq(processedEvents.consumer, consumer))
      const keys = await infra.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.scope, scope))
      const events = await infra.db
        .select()
        .from(outbox)
        .where(inArray(outbox.id, [stale.event.id, fresh.event.id]))
      const done = inbox.length === 1 && keys.length === 1 && events.length === 1
      return (
        done && { inbox: inbox.map((r) => r.eventId), keys: keys.map((r) => r.key), outbox: events.map((r) => r.id) }
      )
    })

    expect(left).toEqual({ inbox: ['new'], keys: ['new'], outbox: [fresh.event.id] })
    const lastSuccess = await eventually(async () =>
      (await jobLastSuccess.get()).values.find((v) => v.labels.job === 'prune-inbox' && v.value >= startedAt),
    )
    expect({ prunedInbox: (await pruned('processed_events')) - prunedBefore >= 3, lastSuccess: !!lastSuccess }).toEqual(
      {
        prunedInbox: true,
        lastSuccess: true,
      },
    )
  })
})
