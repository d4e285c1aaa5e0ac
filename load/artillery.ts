import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { loadSuiteConfig } from './config'
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

/** Runs the script in `dir` (writes artillery-script.json and artillery-result.json there); CPU samples alongside. */
export async function runArtillery(
  dir: string,
  script: ReturnType<typeof artilleryScript>,
): Promise<{ result: ArtilleryResult; cpu: CpuSample[]; exitCode: number }> {
  mkdirSync(dir, { recursive: true })
  const scriptFile = join(dir, 'artillery-script.json')
  const resultFile = join(dir, 'artillery-result.json')
  writeFileSync(scriptFile, JSON.stringify(script, null, 2))
  const sampler = sampleCpu()
  const run = Bun.spawn(['node', artilleryBin, 'run', '--output', resultFile, scriptFile], {
    stdout: 'inherit',
    stderr: 'inherit',
    env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: 'true' },
  })
  const exitCode = await run.exited
  const cpu = sampler.stop()
  return { result: JSON.parse(readFileSync(resultFile, 'utf8')) as ArtilleryResult, cpu, exitCode }
}
