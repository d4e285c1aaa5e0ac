import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { loadSuiteConfig } from './config'
import { resultFromConsole } from './console-result'
import { type CpuSample, sampleCpu } from './cpu-sampler'
import type { Fixtures } from './fixtures'
import type { ArtilleryResult } from './result'
import { artilleryScenarios } from './scenarios'
import type { Journey, Thresholds } from './scenarios/journey'

/**
 * Artillery, the load tool: installed on demand outside the bun workspace (its lockfile stays free of it), given a
 * script built from the journeys, run with Node while the CPU sampler watches every process group.
 */
const artilleryVersion = '2.0.21'
const toolsDir = resolve(import.meta.dir, '..', loadSuiteConfig.LOAD_TOOLS_DIR, 'artillery')
const artilleryBin = join(toolsDir, 'node_modules', 'artillery', 'bin', 'run')

export function ensureArtillery() {
  if (existsSync(artilleryBin)) return
  console.log(`installing artillery@${artilleryVersion} into ${toolsDir}`)
  mkdirSync(toolsDir, { recursive: true })
  // Artillery's Playwright engine would download a browser on install; the HTTP engine is all the suite uses.
  const install = Bun.spawnSync(
    ['npm', 'install', '--no-audit', '--no-fund', '--prefix', toolsDir, `artillery@${artilleryVersion}`],
    { stdout: 'inherit', stderr: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } },
  )
  if (install.exitCode !== 0 || !existsSync(artilleryBin)) throw new Error('artillery did not install')
}

export interface Phase {
  label: string
  rate: number
  durationS: number
}

/** The Artillery script: one open-model phase, the chosen journeys by weight, the fixtures as payload and variables. */
export function artilleryScript(
  chosen: Journey[],
  run: Phase & { thresholds: Thresholds; sagaLog: string },
  fixtures: Fixtures & { buyersCsv: string },
) {
  return {
    config: {
      target: loadSuiteConfig.LOAD_TARGET,
      phases: [{ name: run.label, duration: run.durationS, arrivalRate: run.rate }],
      http: { timeout: 10 },
      processor: join(import.meta.dir, 'scenarios', 'processor.cjs'),
      payload: { path: fixtures.buyersCsv, fields: ['email', 'password', 'token'], order: 'random', skipHeader: false },
      variables: { loadProductId: fixtures.productId, loadSkuIds: fixtures.skuIds.join(','), sagaLog: run.sagaLog },
      plugins: { ensure: {} },
      ensure: {
        thresholds: [
          { 'http.response_time.p95': run.thresholds.p95 },
          { 'http.response_time.p99': run.thresholds.p99 },
        ],
      },
    },
    scenarios: artilleryScenarios(chosen),
  }
}

// After the arrival phase the last buyers finish their journeys (a buyer waits at most 2 × 60 s, processor.cjs).
const drainS = 180

/**
 * Runs the script in `dir` (artillery-script.json, artillery-result.json, and the console in artillery-console.log);
 * CPU samples alongside. A generator that cannot keep up with its arrival rate stretches the phase well past its
 * duration: past the phase plus the drain, the run is stopped (SIGINT: Artillery stops cleanly but writes no JSON)
 * and its result is rebuilt from the console's per-period blocks (`stoppedEarly`).
 */
export async function runArtillery(
  dir: string,
  script: ReturnType<typeof artilleryScript>,
): Promise<{ result: ArtilleryResult; cpu: CpuSample[]; exitCode: number; stoppedEarly: boolean }> {
  mkdirSync(dir, { recursive: true })
  const scriptFile = join(dir, 'artillery-script.json')
  const resultFile = join(dir, 'artillery-result.json')
  const consoleFile = join(dir, 'artillery-console.log')
  writeFileSync(scriptFile, JSON.stringify(script, null, 2))
  const day = new Date().toISOString().slice(0, 10)
  const sampler = sampleCpu()
  const run = Bun.spawn(['node', artilleryBin, 'run', '--output', resultFile, scriptFile], {
    stdout: 'pipe',
    stderr: 'inherit',
    env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: 'true' },
  })
  const sink = Bun.file(consoleFile).writer()
  const echo = (async () => {
    for await (const chunk of run.stdout) {
      process.stdout.write(chunk)
      sink.write(chunk)
    }
    await sink.end()
  })()
  let stoppedEarly = false
  const phaseS = script.config.phases.reduce((sum, p) => sum + p.duration, 0)
  const deadline = setTimeout(
    () => {
      stoppedEarly = true
      console.log(`\nthe generator is behind its arrival schedule: stopping it ${phaseS + drainS} s in`)
      run.kill('SIGINT')
    },
    (phaseS + drainS) * 1000,
  )
  const exitCode = await run.exited
  clearTimeout(deadline)
  await echo
  const cpu = sampler.stop()
  const result = existsSync(resultFile)
    ? (JSON.parse(readFileSync(resultFile, 'utf8')) as ArtilleryResult)
    : resultFromConsole(readFileSync(consoleFile, 'utf8'), day)
  return { result, cpu, exitCode, stoppedEarly }
}
