import { describe, expect, test } from 'bun:test'
import { sql } from 'drizzle-orm'
import { scheduleJob } from '../../src/jobs'
import { createLogger } from '../../src/log'
import { eventually, freshName } from '../../src/testing'
import { recordRun, runsOf } from '../lab/job-runs'
import { dbNow, jobRunCount, labDb, leaseOf, spawnJobReplica } from './jobs-fixture'

const logger = createLogger({ test: 'jobs' }, 'warn')

describe('leased scheduled jobs across replicas', () => {
  test('when two replicas schedule the same job, then each period runs it once in total and runs never overlap', async () => {
    await using a = labDb()
    await using b = labDb()
    const name = freshName('job-race')
    const everyMs = 200
    // Each run lasts longer than the period, so only the lease and the in-hand guard keep runs apart.
    const replica = (db: typeof a.db, runner: string) =>
      scheduleJob({
        name,
        everyMs,
        lease: { ms: 5_000 },
        db,
        logger,
        run: () => recordRun(db, { job: name, runner }, () => db.execute(sql`DO SLEEP(0.3)`)),
      })

    await using _first = replica(a.db, 'a')
    await using _second = replica(b.db, 'b')
    await eventually(async () => (await runsOf(a.db, name)).filter((r) => r.finishedAt).length >= 6, {
      timeoutMs: 30_000,
    })
    await _first.stop()
    await _second.stop()

    const runs = await runsOf(a.db, name)
    const overlaps = runs.slice(1).filter((run, i) => {
      const previous = runs[i]
      return !previous?.finishedAt || run.startedAt < previous.finishedAt
    })
    // A run is due `everyMs` minus 10% after the previous start (lease clock); 30 ms for the insert after the lease.
    const tooSoon = runs
      .slice(1)
      .filter((run, i) => run.startedAt.getTime() - (runs[i]?.startedAt.getTime() ?? 0) < everyMs * 0.9 - 30)
    expect({ overlaps, tooSoon, unfinished: runs.filter((r) => !r.finishedAt) }).toEqual({
      overlaps: [],
      tooSoon: [],
      unfinished: [],
    })
    expect(await jobRunCount(name, 'succeeded')).toBe(runs.length)
    expect(await jobRunCount(name, 'skipped')).toBeGreaterThan(0)
  })

  test('when the owner of a long run is killed, then its renewed lease expires and another replica takes over', async () => {
    await using infra = labDb()
    const name = freshName('job-takeover')
    const leaseMs = 1_500
    await using owner = spawnJobReplica({ name, runner: 'owner', everyMs: 200, leaseMs })
    const [ownerRun] = await eventually(async () => {
      const runs = await runsOf(infra.db, name, 'owner')
      return runs.length > 0 && runs
    })
    const successor = scheduleJob({
      name,
      everyMs: 200,
      lease: { ms: leaseMs },
      db: infra.db,
      logger,
      run: () => recordRun(infra.db, { job: name, runner: 'successor' }, async () => {}),
    })
    await using _successor = successor

    // Renewal keeps the lease across two lease lengths of one run; the successor keeps knocking and gets nothing.
    const renewedPast = new Date((ownerRun?.startedAt.getTime() ?? 0) + 2 * leaseMs)
    await eventually(async () => (await dbNow(infra.db)) > renewedPast, { timeoutMs: 10_000 })
    const whileOwned = {
      successorRuns: (await runsOf(infra.db, name, 'successor')).length,
      lease: await leaseOf(infra.db, name),
    }
    await owner.crash()
    const lastLease = await leaseOf(infra.db, name)
    const [takeover] = await eventually(async () => {
      const runs = await runsOf(infra.db, name, 'successor')
      return runs.length > 0 && runs
    })

    expect(whileOwned.successorRuns).toBe(0)
    expect(whileOwned.lease?.leaseUntil.getTime()).toBeGreaterThan(renewedPast.getTime() - leaseMs)
    expect(takeover?.startedAt.getTime()).toBeGreaterThanOrEqual(lastLease?.leaseUntil.getTime() ?? Infinity)
    expect(await jobRunCount(name, 'skipped')).toBeGreaterThan(0)
  })
})
