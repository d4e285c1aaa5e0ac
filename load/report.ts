import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderChart } from './chart'
import { type CpuSample, meanCores } from './cpu-sampler'
import type { ArtilleryResult, RunSummary } from './result'
import { intended, type SagaCheck } from './saga-check'
import type { SagaOutcome } from './scenarios/checkout'

/** What the original claimed for its load test, printed beside ours. */
export const originalClaim = { rps: 1000, p95: 50, cores: 12 }
// Artillery needs a few seconds to start before its first arrival.
const startupS = 5

/**
 * CPU means cover the arrival phase only: after it, Artillery waits for the last checkouts and shuts down, and those
 * quiet seconds would dilute the busy ones.
 */
export const duringPhase = (cpu: CpuSample[], durationS: number) =>
  cpu.filter((s) => s.at <= (cpu[0]?.at ?? 0) + (durationS + startupS) * 1000)

/** The after-run saga check as markdown: the verdict, then per outcome its intended end and the ends found. */
export function sagaCheckLines(check: SagaCheck | undefined): string[] {
  if (!check)
    return [
      "Saga check: not part of this report (a breakpoint step: the search checks every step's sagas at its end).",
      '',
    ]
  const verdict = check.allCompleted
    ? `every checkout's saga completed as its buyer drove it: ${check.asIntended} of ${check.placed}`
    : `NOT every saga completed: ${check.asIntended} of ${check.placed} as intended, ${check.terminal} terminal`
  const rows = Object.entries(check.ends).map(([outcome, ends]) => {
    const want = intended[outcome as SagaOutcome]
    const found = Object.entries(ends).map(([end, n]) => `${end}: ${n}`)
    return `| ${outcome} | ${want ? `${want.order} / ${want.payment.join(' or ')}` : '?'} | ${found.join(', ')} |`
  })
  return [
    `Saga check after the run (every placed order and its payment read back through the gateway, waited ${check.waitedS} s): ${verdict}.`,
    '',
    '| outcome | intended end (order / payment) | ends found (order / payment: count) |',
    '|---|---|---|',
    ...rows,
    '',
  ]
}

function markdown(summary: RunSummary, cpu: [string, number][]): string {
  const t = summary.thresholds
  const rows = summary.journeys.map(
    (j) =>
      `| ${j.name} | ${j.requests} | ${j.p50} | ${j.p95} | ${j.p99} | ${j.errorPercent.toFixed(3)} | ≤ ${j.thresholds.p95} / ≤ ${j.thresholds.p99} / < ${j.thresholds.maxErrorPercent} | ${j.passed ? 'pass' : 'FAIL'} |`,
  )
  const outcomes = Object.entries(summary.saga.outcomes).map(([k, n]) => `${k} ${n}`)
  return [
    `# ${summary.scenario} at ${summary.rate} arrivals/s for ${summary.durationS} s: ${summary.passed ? 'PASS' : 'FAIL'}`,
    '',
    ...(summary.note ? [summary.note, ''] : []),
    '| | requests/s | p50 ms | p95 ms | p99 ms | errors % | machine |',
    '|---|---|---|---|---|---|---|',
    `| ours | ${summary.requestsPerSecond.toFixed(1)} | ${summary.p50} | ${summary.p95} | ${summary.p99} | ${summary.errorPercent.toFixed(3)} | 2 cores, whole stack + load generator |`,
    `| original's claim | ${originalClaim.rps}+ | | < ${originalClaim.p95} | | | ${originalClaim.cores}-core node |`,
    '',
    `Overall thresholds: p95 ≤ ${t.p95} ms, p99 ≤ ${t.p99} ms, errors < ${t.maxErrorPercent} %.`,
    '',
    '| journey | requests | p50 ms | p95 ms | p99 ms | errors % | thresholds p95 / p99 / errors | |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Errors by kind: ${JSON.stringify(summary.errorsByKind)}`,
    '',
    `Checkout sagas as the clients saw them (outcome.status): ${outcomes.join(', ') || 'none'}; placed → settled p50 ${summary.saga.p50Ms ?? '-'} ms, p95 ${summary.saga.p95Ms ?? '-'} ms.`,
    '',
    ...sagaCheckLines(summary.saga.check),
    '| process group | mean cores (arrival phase) |',
    '|---|---|',
    // Groups under 0.005 cores (stray idle processes) would only be rows of 0.00.
    ...cpu.filter(([, cores]) => cores >= 0.005).map(([group, cores]) => `| ${group} | ${cores.toFixed(2)} |`),
    '',
  ].join('\n')
}

/** Writes summary.json, summary.md, cpu.json and chart.html into `dir`; returns the markdown. */
export function writeReport(dir: string, run: { summary: RunSummary; result: ArtilleryResult; cpu: CpuSample[] }) {
  const cpuByGroup = meanCores(duringPhase(run.cpu, run.summary.durationS))
  writeFileSync(join(dir, 'summary.json'), JSON.stringify({ ...run.summary, cpu: cpuByGroup, originalClaim }, null, 2))
  writeFileSync(join(dir, 'cpu.json'), JSON.stringify(run.cpu))
  const report = markdown(run.summary, cpuByGroup)
  writeFileSync(join(dir, 'summary.md'), report)
  writeFileSync(join(dir, 'chart.html'), renderChart(run))
  return report
}
