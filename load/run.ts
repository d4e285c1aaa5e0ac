import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadSuiteConfig } from './config'
import { sampleCpu } from './cpu-sampler'
import { prepareFixtures } from './fixtures'
import { writeReport } from './report'
import { type ArtilleryResult, summarize } from './result'
import { journeys, mixedThresholds } from './scenarios'

/**
 * `npm run load -- <scenario|mixed> [--rate N] [--duration S]`: installs Artillery if missing, prepares the fixtures,
 * runs the open-model scenario (N new arrivals per second, each walking its journey), samples CPU per process group,
 * and writes load/reports/<date>-<scenario>-<rate>/ (the Artillery script and JSON result, summary.json, summary.md,
 * chart.html). Exits 1 when a threshold is missed.
 */
const artilleryVersion = '2.0.21'

const { values, positionals } = parseArgs({
  args: Bun.argv.slice(2),
  options: { rate: { type: 'string', default: '10' }, duration: { type: 'string', default: '60' } },
  allowPositionals: true,
})
const scenario = positionals[0] ?? 'mixed'
const rate = Number(values.rate)
const durationS = Number(values.duration)
if (scenario !== 'mixed' && !journeys[scenario]) {
  throw new Error(`unknown scenario ${scenario}: one of mixed, ${Object.keys(journeys).join(', ')}`)
}

const repo = resolve(import.meta.dir, '..')
const toolsDir = resolve(repo, loadSuiteConfig.LOAD_TOOLS_DIR, 'artillery')
const artilleryBin = join(toolsDir, 'node_modules', 'artillery', 'bin', 'run')

async function ensureArtillery() {
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

function artilleryScript(fixtures: Awaited<ReturnType<typeof prepareFixtures>>) {
  const chosen = scenario === 'mixed' ? Object.values(journeys) : [journeys[scenario] ?? []].flat()
  const thresholds = scenario === 'mixed' ? mixedThresholds : (chosen[0]?.thresholds ?? mixedThresholds)
  return {
    config: {
      target: loadSuiteConfig.LOAD_TARGET,
      phases: [{ name: `${scenario} at ${rate}/s`, duration: durationS, arrivalRate: rate }],
      http: { timeout: 10 },
      processor: join(import.meta.dir, 'scenarios', 'processor.cjs'),
      payload: {
        path: fixtures.buyersCsv,
        fields: ['email', 'password', 'token'],
        order: 'random',
        skipHeader: false,
      },
      variables: { loadSkuIds: fixtures.skuIds.join(',') },
      plugins: { ensure: {} },
      ensure: {
        thresholds: [{ 'http.response_time.p95': thresholds.p95 }, { 'http.response_time.p99': thresholds.p99 }],
      },
    },
    scenarios: chosen.map((j) => ({ name: j.name, weight: j.mixedWeight, flow: j.flow })),
  }
}

await ensureArtillery()
const fixtures = await prepareFixtures()
// To the second: two runs in the same minute must not share a directory.
const stamp = new Date()
  .toISOString()
  .replace(/\.\d+Z$/, '')
  .replaceAll(':', '')
const reportDir = join(import.meta.dir, 'reports', `${stamp}-${scenario}-${rate}`)
mkdirSync(reportDir, { recursive: true })
const scriptFile = join(reportDir, 'artillery-script.json')
const resultFile = join(reportDir, 'artillery-result.json')
writeFileSync(scriptFile, JSON.stringify(artilleryScript(fixtures), null, 2))

console.log(`running ${scenario} at ${rate} arrivals/s for ${durationS} s against ${loadSuiteConfig.LOAD_TARGET}`)
const sampler = sampleCpu()
const run = Bun.spawn(['node', artilleryBin, 'run', '--output', resultFile, scriptFile], {
  stdout: 'inherit',
  stderr: 'inherit',
  env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: 'true' },
})
const artilleryExit = await run.exited
const cpu = sampler.stop()

const result = JSON.parse(readFileSync(resultFile, 'utf8')) as ArtilleryResult
const limits = {
  overall: scenario === 'mixed' ? mixedThresholds : (journeys[scenario]?.thresholds ?? mixedThresholds),
  journeys: Object.fromEntries(Object.values(journeys).map((j) => [j.name, j.thresholds])),
}
const summary = summarize(result, { scenario, rate, durationS }, limits)
const report = writeReport(reportDir, { summary, result, cpu })
console.log(`\n${report}\nreport: ${reportDir} (chart.html)`)
process.exit(summary.passed && artilleryExit === 0 ? 0 : 1)
