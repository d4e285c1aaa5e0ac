// GET /api/inventories/{skuId} through the whole service (spawned as `npm run up` runs it), through its HTTP app alone
// (bench/http-only.ts: no consumers, which on a shared stack also handle other work's events) and through
// bench/bare-stock.ts — a bare Bun.serve doing the same MGET over ioredis and the same envelope — in the same run.
// Servers pinned to core 0, the load (wrk, and this process for the open model) to core 1. Closed model: wrk, max
// req/s, rounds rotating the order; open model: a constant rate of half the service's max (bench/open-loop.ts),
// p50/p95/p99 from each request's scheduled start. Not a test. Needs the stack up:
//   bun services/inventory/bench/stock-read.ts        BENCH_SECONDS=5 BENCH_ROUNDS=3 BENCH_CONNECTIONS=32
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { cpuSecondsOf, ensureWrk, formatTable, runWrk, type WrkLoad } from '@commerce/platform/bench'
import { eventually, type SpawnedService, spawnEnv, spawnService } from '@commerce/platform/testing'
import { ensureBenchSku } from './bench-sku'
import { openLoop } from './open-loop'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3)
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32)
const targets = { ratio: 0.6, p99Ms: 5 }
const twoCores = cpus().length >= 2
const load: WrkLoad = { connections: CONNECTIONS, threads: 2, seconds: SECONDS, cpus: twoCores ? '1' : undefined }
const pin = (pid: number, core: string) => twoCores && Bun.spawnSync(['taskset', '-a', '-p', '-c', core, String(pid)])
// Other work on the machine moves every figure here; the load average says how much there was.
const load1 = () => loadavg()[0]?.toFixed(1)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED')

/** A bench script as its own process; resolves once it prints `listening <port>`. */
async function startScript(file: string, env: Record<string, string>): Promise<SpawnedService> {
  const child = Bun.spawn(['bun', join(import.meta.dir, file)], { env: { ...process.env, ...env }, stdout: 'pipe' })
  const reader = child.stdout.getReader()
  let seen = ''
  while (!/listening (\d+)/.test(seen)) {
    const { value, done } = await reader.read()
    if (done) throw new Error(`${file} exited: ${seen}`)
    seen += new TextDecoder().decode(value)
  }
  const stop = async () => {
    child.kill()
    await child.exited
  }
  const url = `http://127.0.0.1:${/listening (\d+)/.exec(seen)?.[1]}`
  return { url, child, kill: stop, [Symbol.asyncDispose]: stop }
}

ensureWrk()
// On a machine shared with other work, a higher priority for this process (inherited by the servers and wrk it starts)
// keeps the others' time slices out of the latencies; root only, otherwise it runs at normal priority.
const reniced = Bun.spawnSync(['renice', '-n', '-10', '-p', String(process.pid)], {
  stdout: 'ignore',
  stderr: 'ignore',
})
if (reniced.exitCode !== 0) console.log('(not reniced: running at normal priority)')
console.log(`${cpus().length} cores, load average ${load1()} at start`)
const env: Record<string, string> = {
  ...spawnEnv('inventory'),
  AUTH_JWKS_URL: 'http://127.0.0.1:1/jwks',
  SEED_DEMO_DATA: 'false',
}
const skuId = await ensureBenchSku({ MARIADB_URL: env['MARIADB_URL'] ?? '', REDIS_URL: env['REDIS_URL'] ?? '' })
await using service = await spawnService(join(import.meta.dir, '../src/main.ts'), env)
await using httpOnly = await startScript('http-only.ts', env)
await using bare = await startScript('bare-stock.ts', env)
const servers = { service, 'http-only': httpOnly, bare }
type Name = keyof typeof servers
const names = Object.keys(servers) as Name[]
for (const server of Object.values(servers)) pin(server.child.pid, '0')
pin(process.pid, '1')
const path = `/api/inventories/${skuId}`
const read = async (s: SpawnedService) =>
  JSON.stringify(((await (await fetch(s.url + path)).json()) as { data: unknown }).data)
const answers = new Set(await Promise.all(Object.values(servers).map(read)))
if (answers.size !== 1) throw new Error(`the servers answer differently: ${[...answers].join(' / ')}`)

// A test elsewhere on the shared stack may flush inventory's Redis keys (then rebuild them): a run that got 404/503 is
// repeated once the SKU reads again, never counted.
async function closedRun(name: Name) {
  const server = servers[name]
  for (let attempt = 1; ; attempt++) {
    await eventually(async () => (await fetch(server.url + path)).status === 200, { timeoutMs: 60_000 })
    const before = await cpuSecondsOf(server.child.pid)
    const result = await runWrk(server.url + path, load)
    const cpuUs = (((await cpuSecondsOf(server.child.pid)) - before) * 1e6) / result.requests
    if (result.non2xx + result.socketErrors === 0) return { ...result, cpuUs }
    if (attempt >= 3) throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${attempt} times`)
    console.log(`  ${name}: ${result.non2xx} non-2xx answers (stock being rebuilt?); run repeated`)
  }
}

async function openRun(name: Name, rate: number) {
  const server = servers[name]
  for (let attempt = 1; ; attempt++) {
    await eventually(async () => (await fetch(server.url + path)).status === 200, { timeoutMs: 60_000 })
    const summary = await openLoop(server.url + path, { rate, seconds: SECONDS * 2 })
    if (summary.failed === 0) return summary
    if (attempt >= 3) throw new Error(`${name}: ${summary.failed} failed requests in the open loop, ${attempt} times`)
    console.log(`  ${name}: ${summary.failed} failed requests in the open loop; run repeated`)
  }
}

for (const server of Object.values(servers)) await runWrk(server.url + path, { ...load, seconds: 2 })
const rps = { service: [], 'http-only': [], bare: [] } as Record<Name, number[]>
const cpu = { service: [], 'http-only': [], bare: [] } as Record<Name, number[]>
for (let round = 0; round < ROUNDS; round++) {
  for (const name of names.map((_, i) => names[(i + round) % names.length] as Name)) {
    const result = await closedRun(name)
    rps[name].push(result.rps)
    cpu[name].push(result.cpuUs)
    const line = `${result.rps.toFixed(0).padStart(7)} req/s  p99 ${result.p99Ms.toFixed(2)} ms  ${result.cpuUs.toFixed(1)} µs CPU/req`
    console.log(`round ${round + 1} ${name.padEnd(10)}${line}`)
  }
}
const ratio = (name: Name) => median(rps[name].map((r, i) => r / (rps.bare[i] ?? Number.NaN)))
const cpuRatio = (name: Name) => median(cpu[name].map((c, i) => (cpu.bare[i] ?? Number.NaN) / c))
console.log(`closed model, wrk -t2 -c${CONNECTIONS}, median of ${ROUNDS} rounds (× bare of the same round):`)
for (const name of names) {
  const line = `${median(rps[name]).toFixed(0).padStart(7)} req/s, ${median(cpu[name]).toFixed(1)} µs CPU/req`
  console.log(
    `  ${name.padEnd(10)}${line}  → ${ratio(name).toFixed(2)}× by req/s, ${cpuRatio(name).toFixed(2)}× by CPU`,
  )
}
console.log(`target ≥ ${targets.ratio}× bare req/s: ${verdict(ratio('service') >= targets.ratio)}`)

// BENCH_OPEN_RATE: probe one rate instead of half the measured max (where does p99 stay within the target?).
const rate = Number(process.env['BENCH_OPEN_RATE'] ?? Math.floor(median(rps.service) / 2))
const open = []
for (const name of names) open.push([`${name} @ ${rate} req/s (open)`, await openRun(name, rate)] as const)
// The floor: a Bun.serve answering a constant, same pinning, same driver: what the machine and the driver add alone.
{
  await using floor = await startScript('floor-server.ts', {})
  pin(floor.child.pid, '0')
  const summary = await openLoop(floor.url, { rate, seconds: SECONDS * 2 })
  open.push([`floor (constant answer) @ ${rate} req/s`, summary] as const)
}
console.log(formatTable(open.map(([label, summary]) => [label, summary])))
const at = open[0]?.[1]
const p99 = at?.p99 ?? Number.NaN
console.log(
  `service p99 at half load: ${p99.toFixed(2)} ms (target ≤ ${targets.p99Ms} ms: ${verdict(p99 <= targets.p99Ms)})`,
)
console.log(`load average ${load1()} at the end`)
console.log(
  [
    'original (§9.3; README claim: stock API p95 ≤ 50 ms, RPS 1000+; production k3s measured from outside):',
    '  baseline, 50 VU:     ≈ 42 req/s at p95 13 ms (committed runs)',
    '  breakpoint, 800 VU:  ≈ 870 req/s (client-capped) at p95 107 ms',
    `  ours, one core:      ${median(rps.service).toFixed(0)} req/s max; p95 ${(at?.p95 ?? Number.NaN).toFixed(2)} ms / p99 ${p99.toFixed(2)} ms at ${rate} req/s`,
  ].join('\n'),
)
await Promise.all(Object.values(servers).map((s) => s[Symbol.asyncDispose]()))
process.exit(0)
