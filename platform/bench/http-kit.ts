// HTTP kit benchmark (issue #7): req/s and p99 of createHttpApp (ids, traceparent, metrics, error mapping, OpenAPI)
// against plain Elysia and a bare Bun.serve answering the same envelope, each server in its own process, same run.
//   bun platform/bench/http-kit.ts        (npm run bench:http; needs wrk, installed when missing and root)
//   BENCH_SECONDS=10 BENCH_ROUNDS=3 BENCH_CONNECTIONS=50 BENCH_THREADS=2
import { cpus } from 'node:os'
import { join } from 'node:path'
import { cpuSecondsOf, ensureWrk, postScript, runWrk, type WrkLoad, type WrkResult } from './wrk'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3)
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50)
const THREADS = Number(process.env['BENCH_THREADS'] ?? 2)
// elysia+ids: plain Elysia plus only what SPEC §3 makes every request do (read X-Request-Id and traceparent, create
// them when absent, echo both): the floor any kit with that duty stands on.
// bare+ids: the same id work on the bare server, to tell what the ids cost on Bun itself from what Elysia adds.
const variants = ['bare', 'bare+ids', 'elysia', 'elysia+ids', 'kit'] as const
type Variant = (typeof variants)[number]
const targets = { GET: 0.9, POST: 0.85 } as const
type Route = keyof typeof targets
const postBody = JSON.stringify({ name: 'mug', quantity: 2 })

// Two cores: servers on core 0, wrk's threads on core 1, so the load generator does not steal the server's core.
const cores = cpus().length
const serverCpus = cores >= 2 ? '0' : undefined
const wrkCpus = cores >= 2 ? String(cores - 1) : undefined

const load = (): WrkLoad => ({ connections: CONNECTIONS, threads: THREADS, seconds: SECONDS, cpus: wrkCpus })

interface Server {
  variant: Variant
  url: string
  pid: number
  stop(): void
}

async function startServer(variant: Variant): Promise<Server> {
  const command = ['bun', join(import.meta.dir, 'http-servers.ts'), variant]
  const proc = Bun.spawn(serverCpus ? ['taskset', '-c', serverCpus, ...command] : command, {
    stdout: 'pipe',
    stderr: 'inherit',
  })
  const reader = proc.stdout.getReader()
  let seen = ''
  while (!/listening (\d+)/.test(seen)) {
    const { value, done } = await reader.read()
    if (done) throw new Error(`${variant} server exited before listening: ${seen}`)
    seen += new TextDecoder().decode(value)
  }
  // Keep draining stdout so a chatty server never blocks on a full pipe.
  void (async () => {
    while (!(await reader.read()).done) {}
  })()
  const port = /listening (\d+)/.exec(seen)?.[1]
  return { variant, url: `http://127.0.0.1:${port}`, pid: proc.pid, stop: () => proc.kill() }
}

// Each variant must answer what the others answer, or the comparison means nothing.
async function check(server: Server): Promise<void> {
  const get = await fetch(`${server.url}/items/42`)
  const post = await fetch(`${server.url}/items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: postBody,
  })
  const bad = await fetch(`${server.url}/items`, { method: 'POST', headers: { 'content-type': 'application/json' } })
  // Plain Elysia answers a failed validation with 422, the kit and the bare server with 400.
  const got = [get.status, ((await get.json()) as { data: unknown }).data, post.status, bad.status >= 400]
  const expected = [200, { id: '42' }, 201, true]
  if (JSON.stringify(got) !== JSON.stringify(expected) || !(await post.json())) {
    throw new Error(`${server.variant} answers ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`)
  }
  if (server.variant === 'kit' && !(get.headers.get('x-request-id') && get.headers.get('traceparent'))) {
    throw new Error('kit did not echo x-request-id and traceparent')
  }
}

// cpuUs: the server's own CPU time per request. Other work on the machine slows req/s but barely moves this.
type Sample = { route: Route; variant: Variant; round: number; cpuUs: number } & WrkResult

async function measure(servers: Server[], script: string): Promise<Sample[]> {
  const samples: Sample[] = []
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order each round so drift on the machine (other work, thermal) spreads over every variant.
    const order = servers.map((_, i) => servers[(i + round) % servers.length] as Server)
    for (const route of ['GET', 'POST'] as const) {
      for (const server of order) {
        const url = route === 'GET' ? `${server.url}/items/42` : `${server.url}/items`
        const cpuBefore = await cpuSecondsOf(server.pid)
        const result = await runWrk(url, load(), route === 'POST' ? script : undefined)
        const cpuUs = (((await cpuSecondsOf(server.pid)) - cpuBefore) * 1e6) / result.requests
        samples.push({ route, variant: server.variant, round, cpuUs, ...result })
        console.log(
          `  round ${round + 1} ${route.padEnd(4)} ${server.variant.padEnd(6)} ${result.rps.toFixed(0).padStart(7)} req/s  p99 ${result.p99Ms.toFixed(2)} ms  ${cpuUs.toFixed(1)} µs CPU/req`,
        )
      }
    }
  }
  return samples
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}
const range = (xs: number[], digits: number) =>
  `${median(xs).toFixed(digits)} [${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}]`

const columns = (cells: [string, number][]) => cells.map(([text, width]) => text.padEnd(width)).join('')

/** Ratio per round: each variant against the bare run of the same round (higher is better for both). */
function ratios(mine: Sample[], bare: Sample[]) {
  const sameRound = (s: Sample) => bare.find((b) => b.round === s.round)
  return {
    rps: mine.map((s) => s.rps / (sameRound(s)?.rps ?? Number.NaN)),
    cpu: mine.map((s) => (sameRound(s)?.cpuUs ?? Number.NaN) / s.cpuUs),
  }
}

function report(samples: Sample[]): { rps: boolean; cpu: boolean } {
  const pick = (route: Route, variant: Variant) => samples.filter((s) => s.route === route && s.variant === variant)
  const head: [string, number][] = [
    ['route', 6],
    ['variant', 11],
    ['req/s', 22],
    ['p99 ms', 24],
    ['× bare req/s', 20],
    ['CPU µs/req', 22],
    ['× bare capacity (CPU)', 0],
  ]
  const lines = [columns(head)]
  const met = { rps: true, cpu: true }
  for (const route of ['GET', 'POST'] as const) {
    const bare = pick(route, 'bare')
    for (const variant of variants) {
      const mine = pick(route, variant)
      const ratio = ratios(mine, bare)
      const errors = mine.reduce((n, s) => n + s.non2xx + s.socketErrors, 0)
      const row: [string, number][] = [
        [route, 6],
        [variant, 11],
        [
          range(
            mine.map((s) => s.rps),
            0,
          ),
          22,
        ],
        [
          range(
            mine.map((s) => s.p99Ms),
            2,
          ),
          24,
        ],
        [range(ratio.rps, 2), 20],
        [
          range(
            mine.map((s) => s.cpuUs),
            1,
          ),
          22,
        ],
        [`${range(ratio.cpu, 2)}${errors > 0 ? `  (${errors} errors!)` : ''}`, 0],
      ]
      lines.push(columns(row))
      if (variant !== 'kit') continue
      met.rps &&= median(ratio.rps) >= targets[route] && errors === 0
      met.cpu &&= median(ratio.cpu) >= targets[route] && errors === 0
    }
  }
  console.log(`\nmedian [min–max] over ${ROUNDS} rounds\n${lines.join('\n')}`)
  const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED')
  console.log(
    `targets (kit, median × bare): GET ≥ ${targets.GET}, POST ≥ ${targets.POST}: by req/s ${verdict(met.rps)}, ` +
      `by CPU per request ${verdict(met.cpu)}`,
  )
  return met
}

ensureWrk()
console.log(
  `wrk -t${THREADS} -c${CONNECTIONS} -d${SECONDS}s, ${ROUNDS} rounds; ${cores} cores: ` +
    (serverCpus ? `servers pinned to core ${serverCpus}, wrk to core ${wrkCpus}` : 'one core, nothing pinned'),
)
const servers = await Promise.all(variants.map(startServer))
try {
  await Promise.all(servers.map(check))
  const script = await postScript(postBody)
  // Warm-up: JIT and caches settle before anything is recorded.
  for (const server of servers) {
    await runWrk(`${server.url}/items/42`, { ...load(), seconds: 2 })
    await runWrk(`${server.url}/items`, { ...load(), seconds: 2 }, script)
  }
  const met = report(await measure(servers, script))
  process.exitCode = met.rps || met.cpu ? 0 : 1
} finally {
  for (const server of servers) server.stop()
}
