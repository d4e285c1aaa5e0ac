// Benchmark helpers for services' own bench scripts (`services/<name>/bench/*.ts`): wrk runs and latency summaries.
export { formatTable, nowMs, type Summary, summarize } from './stats'
export { cpuSecondsOf, ensureWrk, postScript, requestScript, runWrk, type WrkLoad, type WrkResult } from './wrk'
