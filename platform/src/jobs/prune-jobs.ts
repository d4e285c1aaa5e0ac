import { pruneIdempotencyKeys } from '../db/idempotency-keys'
import { pruneInbox } from '../db/inbox'
import type { Db } from '../db/types'
import { pruneOutbox } from '../outbox/prune'
import { prunedRows } from './metrics'
import type { JobDefinition, JobSummary } from './schedule-job'

type PruneBatch = (db: Db, options: { olderThan: Date; limit: number }) => Promise<number>

/** How much one prune run may do: rows per DELETE and DELETEs per run (the rest waits for the next run). */
export interface PruneLimits {
  batchSize?: number
  maxBatches?: number
}

/**
 * Deletes in batches until a batch deletes fewer rows than `batchSize` (nothing old is left), `maxBatches` ran, or
 * `signal` fired. Small batches keep each DELETE's locks and binlog event short on a busy table.
 */
export async function pruneInBatches(
  deleteBatch: (limit: number) => Promise<number>,
  limits: PruneLimits & { signal?: AbortSignal } = {},
): Promise<JobSummary> {
  const { batchSize = 1000, maxBatches = 100, signal } = limits
  let deleted = 0
  let batches = 0
  while (batches < maxBatches && !signal?.aborted) {
    const count = await deleteBatch(batchSize)
    deleted += count
    batches += 1
    if (count < batchSize) break
  }
  return { deleted, batches }
}

type PruneTarget = { name: string; table: string; prune: PruneBatch }
type PruneJobOptions = PruneLimits & { retentionMs: number; everyMs: number }

function pruneJob({ name, table, prune }: PruneTarget, options: PruneJobOptions) {
  // Counted per DELETE, so a run stopped half way still reports what it removed.
  const deleteBatch = async (db: Db, batch: { olderThan: Date; limit: number }) => {
    const deleted = await prune(db, batch)
    prunedRows.inc({ table }, deleted)
    return deleted
  }
  const job: JobDefinition = {
    name,
    everyMs: options.everyMs,
    run: ({ db, signal }) => {
      const olderThan = new Date(Date.now() - options.retentionMs)
      return pruneInBatches((limit) => deleteBatch(db, { olderThan, limit }), { ...options, signal })
    },
  }
  return job
}

/** Retentions of the platform tables, in ms (`JobsEnv` gives defaults and the reasons for them). */
export interface PruneRetentions extends PruneLimits {
  outboxRetentionMs: number
  inboxRetentionMs: number
  idempotencyRetentionMs: number
  /** How often each prune job runs (default 15 min). */
  everyMs?: number
}

/** The three prune jobs every service with an outbox, inbox and Idempotency-Key table runs: pass them to `startJobs`. */
export function pruneJobs(options: PruneRetentions): JobDefinition[] {
  const { outboxRetentionMs, inboxRetentionMs, idempotencyRetentionMs, everyMs = 900_000, ...limits } = options
  return [
    pruneJob(
      { name: 'prune-outbox', table: 'outbox', prune: pruneOutbox },
      { ...limits, everyMs, retentionMs: outboxRetentionMs },
    ),
    pruneJob(
      { name: 'prune-inbox', table: 'processed_events', prune: pruneInbox },
      { ...limits, everyMs, retentionMs: inboxRetentionMs },
    ),
    pruneJob(
      { name: 'prune-idempotency-keys', table: 'idempotency_keys', prune: pruneIdempotencyKeys },
      { ...limits, everyMs, retentionMs: idempotencyRetentionMs },
    ),
  ]
}
