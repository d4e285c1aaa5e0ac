import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { breakpointLimits, findBreakpoint, type StepResult } from './breakpoint'
import { escapeHtml, lineChart, palette, type Series } from './chart'
import { originalClaim, sagaCheckLines } from './report'
import type { SagaCheck } from './saga-check'

/** The breakpoint search's report: summary.md (a row per step, CPU per step) and chart.html (each measure by rate). */
export interface BreakpointRun {
  scenario: string
  stepS: number
  steps: StepResult[]
  sagaCheck?: SagaCheck
}

const stepLabel = (s: StepResult) => `${s.rate}/s (${s.summary.requestsPerSecond.toFixed(0)} req/s)`

export function breakpointVerdict(run: BreakpointRun): string[] {
  const { breakpoint, highestPassing } = findBreakpoint(run.steps)
  const last = run.steps.at(-1)
  const broke = breakpoint
    ? `**Breakpoint: ${breakpoint.rate} arrivals/s, ${breakpoint.summary.requestsPerSecond.toFixed(1)} req/s** (p99 ${breakpoint.summary.p99} ms, errors ${breakpoint.summary.errorPercent.toFixed(3)} %): the first step past p99 ${breakpointLimits.p99} ms or errors ${breakpointLimits.maxErrorPercent} %.`
    : `No breakpoint up to ${last ? stepLabel(last) : 'the last step'}: p99 stayed ≤ ${breakpointLimits.p99} ms and errors ≤ ${breakpointLimits.maxErrorPercent} %.`
  const held = highestPassing
    ? `Highest step meeting every target threshold (overall and per journey): **${stepLabel(highestPassing)}**.`
    : 'No step met every target threshold (overall and per journey).'
  return [broke, held]
}

function markdown(run: BreakpointRun): string {
  const first = run.steps[0]
  const groups = [...new Set(run.steps.flatMap((s) => s.cpu.map(([g]) => g)))]
  const cores = (s: StepResult, group: string) => s.cpu.find(([g]) => g === group)?.[1] ?? 0
  const total = (s: StepResult) => s.cpu.reduce((sum, [, c]) => sum + c, 0)
  const t = first?.summary.thresholds
  return [
    `# Breakpoint search: ${run.scenario}, ${run.steps.map((s) => s.rate).join(' → ')} arrivals/s, ${run.stepS} s per step`,
    '',
    ...breakpointVerdict(run),
    '',
    '| step (arrivals/s) | requests/s | p50 ms | p95 ms | p99 ms | errors % | target thresholds | past the breakpoint limits | CPU busy (cores of 2) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...run.steps.map((s) => {
      const failing = s.summary.journeys.filter((j) => !j.passed).map((j) => j.name)
      const target = s.summary.passed ? 'pass' : `FAIL${failing.length ? ` (${failing.join(', ')})` : ''}`
      const broken = s.summary.p99 > breakpointLimits.p99 || s.summary.errorPercent > breakpointLimits.maxErrorPercent
      return `| ${s.rate} | ${s.summary.requestsPerSecond.toFixed(1)} | ${s.summary.p50} | ${s.summary.p95} | ${s.summary.p99} | ${s.summary.errorPercent.toFixed(3)} | ${target} | ${broken ? 'YES' : 'no'} | ${total(s).toFixed(2)} |`
    }),
    `| original's claim | ${originalClaim.rps}+ | | < ${originalClaim.p95} | | | | | ${originalClaim.cores}-core node |`,
    '',
    t
      ? `Target thresholds: p95 ≤ ${t.p95} ms, p99 ≤ ${t.p99} ms, errors < ${t.maxErrorPercent} % overall, and each journey's own (load/README.md).`
      : '',
    '',
    "## Where the CPU goes (mean cores during each step's arrival phase)",
    '',
    `| process group | ${run.steps.map((s) => `${s.rate}/s`).join(' | ')} |`,
    `|---|${run.steps.map(() => '---').join('|')}|`,
    ...groups.map((g) => `| ${g} | ${run.steps.map((s) => cores(s, g).toFixed(2)).join(' | ')} |`),
    '',
    '## Checkout sagas',
    '',
    ...sagaCheckLines(run.sagaCheck),
  ].join('\n')
}

export function renderBreakpointChart(run: BreakpointRun): string {
  const byRate = (name: string, n: number, value: (s: StepResult) => number): Series => ({
    name,
    color: palette[n] as string,
    points: run.steps.map((s) => [s.rate, value(s)]),
  })
  const latency = [
    byRate('p50 ms', 0, (s) => s.summary.p50),
    byRate('p95 ms', 1, (s) => s.summary.p95),
    byRate('p99 ms', 2, (s) => s.summary.p99),
    byRate(`breakpoint p99 ${breakpointLimits.p99} ms`, 7, () => breakpointLimits.p99),
  ]
  const groups = [...new Set(run.steps.flatMap((s) => s.cpu.map(([g]) => g)))].filter((g) => !g.startsWith('other'))
  const cpu = groups
    .slice(0, palette.length)
    .map((g, n) => byRate(g, n, (s) => s.cpu.find(([name]) => name === g)?.[1] ?? 0))
  const errors = [
    byRate('errors %', 2, (s) => s.summary.errorPercent),
    byRate(`breakpoint ${breakpointLimits.maxErrorPercent} %`, 7, () => breakpointLimits.maxErrorPercent),
  ]
  const axis = { x: 'arrival rate (arrivals/s)', xTicks: run.steps.map((s) => s.rate) }
  const verdict = breakpointVerdict(run)
    .map((line) => `<p>${escapeHtml(line.replaceAll('**', ''))}</p>`)
    .join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>breakpoint ${escapeHtml(run.scenario)}</title></head><body style="font-family:sans-serif"><h1>Breakpoint search: ${escapeHtml(run.scenario)}, ${run.stepS} s per step</h1>${verdict}${lineChart('Latency per step', latency, { ...axis, y: 'ms' })}${lineChart('Throughput per step', [byRate('requests/s', 3, (s) => s.summary.requestsPerSecond)], { ...axis, y: 'requests/s' })}${lineChart('Errors per step', errors, { ...axis, y: '% of requests' })}${lineChart('CPU per process group per step', cpu, { ...axis, y: 'cores' })}</body></html>\n`
}

/** Writes summary.json, summary.md and chart.html into `dir`; returns the markdown. */
export function writeBreakpointReport(dir: string, run: BreakpointRun): string {
  const { breakpoint, highestPassing } = findBreakpoint(run.steps)
  const json = { ...run, breakpoint: breakpoint?.rate, highestPassing: highestPassing?.rate, originalClaim }
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(json, null, 2))
  const report = markdown(run)
  writeFileSync(join(dir, 'summary.md'), report)
  writeFileSync(join(dir, 'chart.html'), renderBreakpointChart(run))
  return report
}
