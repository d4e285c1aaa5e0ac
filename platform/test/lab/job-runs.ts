import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../src/db'
import { labJobRuns } from './schema'

/** Runs `work` between a start row and its end time in `lab_job_runs`, both on the DB clock. */
export async function recordRun(db: Db, who: { job: string; runner: string }, work: () => Promise<unknown>) {
  const [inserted] = await db.insert(labJobRuns).values({ ...who, startedAt: sql`UTC_TIMESTAMP(3)` })
  await work()
  await db.update(labJobRuns).set({ finishedAt: sql`UTC_TIMESTAMP(3)` }).where(eq(labJobRuns.id, inserted.insertId))
}

/** The recorded runs of `job` (optionally one runner's), oldest first. */
export function runsOf(db: Db, job: string, runner?: string) {
  const where = runner ? and(eq(labJobRuns.job, job), eq(labJobRuns.runner, runner)) : eq(labJobRuns.job, job)
  return db.select().from(labJobRuns).where(where).orderBy(labJobRuns.startedAt, labJobRuns.id)
}
