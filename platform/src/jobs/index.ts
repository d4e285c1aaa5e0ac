export { ensureLeaseRow, type JobOutcome } from './lease'
export { jobLastSuccess, jobRunDuration, jobRuns, prunedRows } from './metrics'
export { type PruneLimits, type PruneRetentions, pruneInBatches, pruneJobs } from './prune-jobs'
export {
  type JobContext,
  type JobDefinition,
  type JobHandle,
  type JobSummary,
  scheduleJob,
  startJobs,
} from './schedule-job'
