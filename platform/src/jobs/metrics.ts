import { Counter, Gauge, Histogram } from 'prom-client'
import { registry, secondsBuckets } from '../metrics/index'

/** Ticks of scheduled jobs by outcome: succeeded, failed, or skipped (another replica ran it, or a run is in hand). */
export const jobRuns = new Counter({
  name: 'job_runs_total',
  help: 'Scheduled job ticks on this replica, by outcome (succeeded, failed, skipped)',
  labelNames: ['job', 'outcome'] as const,
  registers: [registry],
})

/** Duration of the runs this replica made (skipped ticks are not observed). */
export const jobRunDuration = new Histogram({
  name: 'job_run_duration_seconds',
  help: 'Scheduled job run duration in seconds',
  labelNames: ['job'] as const,
  buckets: secondsBuckets,
  registers: [registry],
})

/** Set when a run on this replica succeeded; across replicas take the max (the lease lets one run at a time). */
export const jobLastSuccess = new Gauge({
  name: 'job_last_success_timestamp_seconds',
  help: 'Unix time of the last successful run of a job on this replica',
  labelNames: ['job'] as const,
  registers: [registry],
})

/** Rows deleted by the housekeeping prune jobs, by table (outbox, processed_events, idempotency_keys). */
export const prunedRows = new Counter({
  name: 'pruned_rows_total',
  help: 'Rows deleted by the prune jobs, by table',
  labelNames: ['table'] as const,
  registers: [registry],
})
