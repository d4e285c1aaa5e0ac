import { Counter, Histogram } from 'prom-client'
import { secondsBuckets, registry } from '../metrics/index'

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
