import { and, eq, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import { isDuplicateKey } from '../db/errors'
import { jobLeases } from '../db/tables'
import type { Db } from '../db/types'

/** How a run ended, as stored in `job_leases.last_outcome` and counted in `job_runs_total`. */
export type JobOutcome = 'succeeded' | 'failed'

// The database's clock, never the replica's: replicas may disagree by seconds, the one database does not.
// UTC_TIMESTAMP rather than NOW: the same clock, independent of the server's time_zone, like every UTC datetime we write.
const dbNow = sql`UTC_TIMESTAMP(3)`
const dbNowPlus = (ms: number): SQL => sql`UTC_TIMESTAMP(3) + INTERVAL ${Math.round(ms * 1000)} MICROSECOND`

/** Which lease a scheduler asks for: the job, this replica's owner id, and how long a lease lasts. */
export interface LeaseRef {
  name: string
  owner: string
  leaseMs: number
}

/** Creates the job's row once (expired, never run); a row another replica created first is just as good. */
export async function ensureLeaseRow(db: Db, name: string): Promise<void> {
  try {
    await db.insert(jobLeases).values({ name, leaseUntil: dbNow })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

/**
 * Takes the lease when it is free (expired, or ours) and the job is due (its last start is at least `dueAfterMs`
 * ago), in one conditional UPDATE. InnoDB locks the row and re-reads it for the second of two racing replicas, so
 * exactly one matches. True when this replica won and should run now.
 */
export async function acquireLease(db: Db, ref: LeaseRef & { dueAfterMs: number }): Promise<boolean> {
  const [result] = await db
    .update(jobLeases)
    .set({ owner: ref.owner, leaseUntil: dbNowPlus(ref.leaseMs), lastStartedAt: dbNow })
    .where(
      and(
        eq(jobLeases.name, ref.name),
        or(lte(jobLeases.leaseUntil, dbNow), eq(jobLeases.owner, ref.owner)),
        or(isNull(jobLeases.lastStartedAt), lte(jobLeases.lastStartedAt, dbNowPlus(-ref.dueAfterMs))),
      ),
    )
  // mysql2 sets CLIENT_FOUND_ROWS: affectedRows counts matched rows, which is what "won" means here.
  return result.affectedRows === 1
}

/** Extends a lease this replica still holds; false when another replica took it over (the run must stop). */
export async function renewLease(db: Db, ref: LeaseRef): Promise<boolean> {
  const [result] = await db
    .update(jobLeases)
    .set({ leaseUntil: dbNowPlus(ref.leaseMs) })
    .where(and(eq(jobLeases.name, ref.name), eq(jobLeases.owner, ref.owner)))
  return result.affectedRows === 1
}

/** Ends the run: records its outcome and frees the lease at once (the due check, not the lease, spaces the runs). */
export async function releaseLease(db: Db, ref: LeaseRef & { outcome: JobOutcome }): Promise<void> {
  await db
    .update(jobLeases)
    .set({ leaseUntil: dbNow, lastFinishedAt: dbNow, lastOutcome: ref.outcome })
    .where(and(eq(jobLeases.name, ref.name), eq(jobLeases.owner, ref.owner)))
}
