import { hostname } from 'node:os'
import type { Db } from '../db/types'
import { describeError } from '../errors/describe'
import type { Logger } from '../log/index'
import { acquireLease, ensureLeaseRow, type JobOutcome, type LeaseRef, releaseLease, renewLease } from './lease'
import { jobLastSuccess, jobRunDuration, jobRuns } from './metrics'

/** What a run gets: the service database, a signal that fires on `stop()` or when the lease is lost, a logger. */
export interface JobContext {
  db: Db
  signal: AbortSignal
  logger: Logger
}

/** Counts a run may report (rows pruned, batches); logged with the run. */
export type JobSummary = Record<string, number>

/** A periodic piece of work that must run on one replica at a time. */
export interface JobDefinition {
  /** Unique per service database: the `job_leases` row and the metrics label. */
  name: string
  /** Period: at most one run per period across all replicas (a run spaces the next by `everyMs` minus 10%, ≤ 1 s). */
  everyMs: number
  run(context: JobContext): Promise<JobSummary> | Promise<void>
  /** `ms`: how long a lease lasts without renewal (default 60 s); renewed every `renewEveryMs` (default ms / 3). */
  lease?: { ms?: number; renewEveryMs?: number }
}

/** A running schedule: `stop()` stops ticking, signals the run in hand and waits for it to end. */
export interface JobHandle {
  stop(): Promise<void>
  [Symbol.asyncDispose](): Promise<void>
}

// Ticks of two replicas (and a replica's own timer) drift by a few ms; without slack a replica whose tick lands a
// hair before "due" would skip a whole period.
const dueAfter = (everyMs: number) => everyMs - Math.min(everyMs * 0.1, 1000)

const newOwner = () => `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`.slice(0, 100)

interface Runner {
  job: JobDefinition
  db: Db
  logger: Logger
  ref: LeaseRef
  stopping: AbortSignal
}

// Renews the lease while the run goes on; aborts the run's signal when another replica has taken the lease over.
function keepLease(runner: Runner, lost: AbortController): () => void {
  const { db, ref, logger } = runner
  let renewing = false
  const renew = async () => {
    if (renewing) return
    renewing = true
    try {
      if (!(await renewLease(db, ref))) lost.abort(new Error(`lease of job ${ref.name} taken over`))
    } catch (error) {
      // The lease still holds until lease_until; the next renewal may get through.
      logger.warn('job lease renewal failed', { job: ref.name, error: describeError(error) })
    } finally {
      renewing = false
    }
  }
  const timer = setInterval(() => void renew(), runner.job.lease?.renewEveryMs ?? ref.leaseMs / 3)
  return () => clearInterval(timer)
}

async function runLeased(runner: Runner): Promise<JobOutcome> {
  const { job, db, logger, ref } = runner
  const lost = new AbortController()
  const stopRenewing = keepLease(runner, lost)
  const signal = AbortSignal.any([runner.stopping, lost.signal])
  const started = performance.now()
  let outcome: JobOutcome = 'succeeded'
  try {
    const summary = await job.run({ db, signal, logger })
    logger.debug('job run', { job: job.name, durationMs: performance.now() - started, ...summary })
  } catch (error) {
    outcome = 'failed'
    logger.error('job run failed', { job: job.name, error: describeError(error) })
  } finally {
    stopRenewing()
  }
  jobRunDuration.observe({ job: job.name }, (performance.now() - started) / 1000)
  jobRuns.inc({ job: job.name, outcome })
  if (outcome === 'succeeded') jobLastSuccess.set({ job: job.name }, Date.now() / 1000)
  // If this fails the lease simply expires; the outcome columns stay as they were.
  await releaseLease(db, { ...ref, outcome }).catch((error: unknown) =>
    logger.warn('job lease release failed', { job: job.name, error: describeError(error) }),
  )
  return outcome
}

// One tick: take the lease if it is free and the job is due, then run. Never throws: the schedule goes on.
async function tick(runner: Runner, state: { rowReady: boolean }): Promise<void> {
  const { job, db, logger, ref } = runner
  try {
    if (!state.rowReady) await ensureLeaseRow(db, job.name)
    state.rowReady = true
    const won = await acquireLease(db, { ...ref, dueAfterMs: dueAfter(job.everyMs) })
    if (!won) {
      jobRuns.inc({ job: job.name, outcome: 'skipped' })
      return
    }
  } catch (error) {
    jobRuns.inc({ job: job.name, outcome: 'failed' })
    logger.error('job lease unavailable', { job: job.name, error: describeError(error) })
    return
  }
  await runLeased(runner)
}

/**
 * Runs `job` every `everyMs` on whichever replica wins its lease in MariaDB (`job_leases`): one run per period across
 * replicas, never two at once, a crashed owner's lease expires after `lease.ms` and another replica takes over.
 */
export function scheduleJob(options: JobDefinition & { db: Db; logger: Logger }): JobHandle {
  const { db, logger, ...job } = options
  const stopping = new AbortController()
  const ref = { name: job.name, owner: newOwner(), leaseMs: job.lease?.ms ?? 60_000 }
  const runner: Runner = { job, db, logger, ref, stopping: stopping.signal }
  const state = { rowReady: false }
  let inHand: Promise<void> | undefined
  const onTick = () => {
    if (stopping.signal.aborted) return
    // A run longer than the period: this replica does not start a second one beside it.
    if (inHand) return void jobRuns.inc({ job: job.name, outcome: 'skipped' })
    inHand = tick(runner, state).finally(() => {
      inHand = undefined
    })
  }
  const timer = setInterval(onTick, job.everyMs)
  onTick()
  const stop = async () => {
    clearInterval(timer)
    stopping.abort(new Error(`job ${job.name} stopping`))
    await inHand
  }
  return { stop, [Symbol.asyncDispose]: stop }
}

/** Schedules every job of a service; the handle stops them all and waits for their runs in hand. */
export function startJobs(db: Db, jobs: JobDefinition[], logger: Logger): JobHandle {
  const handles = jobs.map((job) => scheduleJob({ ...job, db, logger }))
  const stop = async () => {
    await Promise.all(handles.map((handle) => handle.stop()))
  }
  return { stop, [Symbol.asyncDispose]: stop }
}
