import { eq, sql } from 'drizzle-orm'
import { createDb, type Db, jobLeases } from '../../src/db'
import { jobRuns } from '../../src/jobs'
import { createLogger, type Logger } from '../../src/log'
import { testEnv } from '../../src/testing'
import { spawnLabProcess } from './stack-control'

/** A pool on the lab database (each scheduler of a test gets its own, as replicas would). */
export function labDb() {
  const { db, close } = createDb({ url: testEnv().databaseUrl('lab'), poolSize: 4 })
  return { db, [Symbol.asyncDispose]: close }
}

/** A logger whose JSON lines the test can read. */
export function capturedLogger(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = []
  const logger = createLogger(
    {},
    { level: 'debug', destination: { write: (chunk: string) => void chunks.push(chunk) } },
  )
  return { logger, lines: () => chunks.map((chunk) => JSON.parse(chunk) as Record<string, unknown>) }
}

/** `job_runs_total` of this process for `job` and `outcome`. */
export async function jobRunCount(job: string, outcome: 'succeeded' | 'failed' | 'skipped'): Promise<number> {
  const metric = await jobRuns.get()
  return metric.values.find((v) => v.labels.job === job && v.labels.outcome === outcome)?.value ?? 0
}

export async function leaseOf(db: Db, name: string) {
  const [row] = await db.select().from(jobLeases).where(eq(jobLeases.name, name))
  return row
}

/** The database's clock, the one leases are measured on (raw rows bypass Drizzle's date mapping: epoch ms). */
export async function dbNow(db: Db): Promise<Date> {
  const [rows] = (await db.execute(sql`SELECT ROUND(UNIX_TIMESTAMP(NOW(3)) * 1000) AS ms`)) as unknown as [
    { ms: number | string }[],
  ]
  return new Date(Number(rows[0]?.ms))
}

/** The long-running job replica in its own process (lab/job-main.ts); disposing stops it with SIGTERM. */
export function spawnJobReplica(env: { name: string; runner: string; everyMs: number; leaseMs: number }) {
  return spawnLabProcess('job-main.ts', {
    LAB_MARIADB_URL: testEnv().databaseUrl('lab'),
    LAB_JOB_NAME: env.name,
    LAB_JOB_RUNNER: env.runner,
    LAB_JOB_EVERY_MS: String(env.everyMs),
    LAB_JOB_LEASE_MS: String(env.leaseMs),
  })
}
