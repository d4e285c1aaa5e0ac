import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { artilleryScript, ensureArtillery, runArtillery } from './artillery'
import { isBroken, type StepResult, stepRates } from './breakpoint'
import { writeBreakpointReport } from './breakpoint-report'
import { loadSuiteConfig } from './config'
import { meanCores } from './cpu-sampler'
import { prepareFixtures } from './fixtures'
import { duringPhase, writeReport } from './report'
import { type RunSummary, summarize, withSagaCheck } from './result'
import { checkSagas } from './saga-check'
import { journeys, mixedThresholds } from './scenarios'

/**
 * `npm run load -- <scenario|mixed> [--rate N] [--duration S]`: one open-model run (N new arrivals per second, each
 * walking its journey) → load/reports/<date>-<scenario>-<rate>/.
 * `npm run load -- breakpoint [scenario] [--from R0] [--to R1] [--step S] [--step-duration S]`: a rising rate in steps,
 * stopping after the first step past p99 500 ms or errors 1 % → load/reports/<date>-breakpoint-<scenario>/.
 * Both install Artillery if missing, prepare the fixtures, sample CPU per process group, check every checkout's saga
 * server side afterwards, and write summary.md + chart.html. Exit 1 when a threshold is missed (a single run) or no
 * step met the target (a breakpoint search).
 */
const { values, positionals } = parseArgs({
  args: Bun.argv.slice(2),
  options: {
    rate: { type: 'string', default: '10' },
    duration: { type: 'string', default: '60' },
    from: { type: 'string', default: '20' },
    to: { type: 'string', default: '160' },
    step: { type: 'string', default: '20' },
    'step-duration': { type: 'string', default: '60' },
  },
  allowPositionals: true,
})
const breakpointSearch = positionals[0] === 'breakpoint'
const scenario = (breakpointSearch ? positionals[1] : positionals[0]) ?? 'mixed'
const picked = journeys[scenario]
if (scenario !== 'mixed' && !picked) {
  throw new Error(`unknown scenario ${scenario}: one of mixed, ${Object.keys(journeys).join(', ')}, or breakpoint`)
}
const chosen = picked ? [picked] : Object.values(journeys)
const limits = {
  overall: picked?.thresholds ?? mixedThresholds,
  journeys: Object.fromEntries(Object.values(journeys).map((j) => [j.name, j.thresholds])),
}

ensureArtillery()
const fixtures = await prepareFixtures()
// To the second: two runs in the same minute must not share a directory.
const stamp = new Date()
  .toISOString()
  .replace(/\.\d+Z$/, '')
  .replaceAll(':', '')

/** One Artillery run at `rate` for `durationS` into `dir`: its summary (saga check not yet in it) and CPU. */
async function runAt(dir: string, phase: { rate: number; durationS: number }, sagaLog: string) {
  const { rate, durationS } = phase
  const label = `${scenario} at ${rate}/s`
  console.log(`running ${label} for ${durationS} s against ${loadSuiteConfig.LOAD_TARGET}`)
  const script = artilleryScript(chosen, { label, rate, durationS, thresholds: limits.overall, sagaLog }, fixtures)
  const { result, cpu, exitCode, stoppedEarly } = await runArtillery(dir, script)
  if (!stoppedEarly) return { summary: summarize(result, { scenario, rate, durationS }, limits), result, cpu, exitCode }
  // The arrivals it made were spread over every period it ran, not over the phase's nominal duration.
  const ranS = result.intermediate.length * 10
  const summary = summarize(result, { scenario, rate, durationS: ranS }, limits)
  return { summary: { ...summary, note: stoppedNote(durationS, summary) }, result, cpu, exitCode }
}

const stoppedNote = (durationS: number, summary: RunSummary) =>
  `Stopped early: the generator fell behind its arrival schedule (${summary.rate}/s asked; ${((summary.requests / summary.durationS) | 0).toString()} req/s made), so the ${durationS} s phase stretched; stopped ${summary.durationS} s in. Numbers rebuilt from Artillery's console (console-result.ts): per-period exact, whole-run percentiles request-weighted means of the periods'.`

async function singleRun(): Promise<boolean> {
  const rate = Number(values.rate)
  const durationS = Number(values.duration)
  const dir = join(import.meta.dir, 'reports', `${stamp}-${scenario}-${rate}`)
  mkdirSync(dir, { recursive: true })
  const sagaLog = join(dir, 'sagas.jsonl')
  const run = await runAt(dir, { rate, durationS }, sagaLog)
  console.log('checking every checkout saga server side')
  const summary = withSagaCheck(run.summary, await checkSagas(sagaLog, fixtures.buyers))
  const report = writeReport(dir, { summary, result: run.result, cpu: run.cpu })
  console.log(`\n${report}\nreport: ${dir} (chart.html)`)
  return summary.passed && run.exitCode === 0
}

async function breakpoint(): Promise<boolean> {
  const rates = stepRates(Number(values.from), Number(values.to), Number(values.step))
  const stepS = Number(values['step-duration'])
  const dir = join(import.meta.dir, 'reports', `${stamp}-breakpoint-${scenario}`)
  mkdirSync(dir, { recursive: true })
  const sagaLog = join(dir, 'sagas.jsonl')
  const steps: StepResult[] = []
  for (const rate of rates) {
    const stepDir = join(dir, `step-${rate}`)
    const run = await runAt(stepDir, { rate, durationS: stepS }, sagaLog)
    writeReport(stepDir, run)
    steps.push({ rate, summary: run.summary, cpu: meanCores(duringPhase(run.cpu, stepS)) })
    const { p95, p99, errorPercent } = run.summary
    console.log(`step ${rate}/s: p95 ${p95} ms, p99 ${p99} ms, errors ${errorPercent.toFixed(3)} %`)
    if (isBroken(run.summary)) break
  }
  console.log('checking every checkout saga server side')
  const sagaCheck = await checkSagas(sagaLog, fixtures.buyers)
  const report = writeBreakpointReport(dir, { scenario, stepS, steps, sagaCheck })
  console.log(`\n${report}\nreport: ${dir} (chart.html, a step-<rate>/ folder per step)`)
  return steps.some((s) => s.summary.passed) && sagaCheck.allCompleted
}

process.exit((breakpointSearch ? await breakpoint() : await singleRun()) ? 0 : 1)
