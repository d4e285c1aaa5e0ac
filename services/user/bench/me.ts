// GET /api/users/me (JWT verify + one indexed read, through the whole service) against a bare Bun.serve doing the same
// verify and the same query (bench/bare-me.ts), each in its own process pinned to core 0, wrk on core 1, same run.
// Not a test. Needs the stack up with auth (`npm run up`): `bun services/user/bench/me.ts`
//   BENCH_SECONDS=10 BENCH_ROUNDS=3 BENCH_CONNECTIONS=32
import { cpus } from 'node:os'
import { join } from 'node:path'
import { cpuSecondsOf, ensureWrk, requestScript, runWrk, type WrkLoad } from '@commerce/platform/bench'
import { freshName, type SpawnedService, spawnEnv, spawnService } from '@commerce/platform/testing'
import { stackDefaults } from '../../../platform/stack/defaults'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3)
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32)
const TARGET = 0.6
const authUrl = process.env['AUTH_URL'] ?? `http://127.0.0.1:${stackDefaults.AUTH_PORT}`
const twoCores = cpus().length >= 2
const load: WrkLoad = { connections: CONNECTIONS, threads: 2, seconds: SECONDS, cpus: twoCores ? '1' : undefined }

// Servers on core 0 (every thread: Bun's pool included), so wrk on core 1 does not steal their CPU.
const pin = (pid: number) => twoCores && Bun.spawnSync(['taskset', '-a', '-p', '-c', '0', String(pid)])

async function startBare(env: Record<string, string>): Promise<SpawnedService> {
  const child = Bun.spawn(['bun', join(import.meta.dir, 'bare-me.ts')], {
    env: { ...process.env, ...env },
    stdout: 'pipe',
    stderr: 'inherit',
  })
  const reader = child.stdout.getReader()
  let seen = ''
  while (!/listening (\d+)/.test(seen)) {
    const { value, done } = await reader.read()
    if (done) throw new Error(`bare server exited: ${seen}`)
    seen += new TextDecoder().decode(value)
  }
  const stop = async () => {
    child.kill()
    await child.exited
  }
  const url = `http://127.0.0.1:${/listening (\d+)/.exec(seen)?.[1]}`
  return { url, child, kill: stop, [Symbol.asyncDispose]: stop }
}

async function memberToken(userUrl: string): Promise<string> {
  const member = { email: `${freshName('bench')}@example.com`, password: 'bench password 1', name: 'Bench' }
  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const registered = await post(`${userUrl}/api/users/register`, member)
  if (registered.status !== 201) throw new Error(`register answered ${registered.status}: ${await registered.text()}`)
  const login = await post(`${authUrl}/api/auth/login`, { email: member.email, password: member.password })
  const body = (await login.json()) as { data?: { accessToken: string } }
  if (!body.data) throw new Error(`login failed: ${JSON.stringify(body)}`)
  return body.data.accessToken
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

ensureWrk()
const env = {
  ...spawnEnv('user'),
  AUTH_URL: authUrl,
  AUTH_JWKS_URL: `${authUrl}/.well-known/jwks.json`,
  SEED_DEMO_DATA: 'false',
}
await using service = await spawnService(join(import.meta.dir, '../src/main.ts'), env)
await using bare = await startBare(env)
for (const server of [service, bare]) pin(server.child.pid)
const token = await memberToken(service.url)
const headers = { authorization: `Bearer ${token}` }
const [viaService, viaBare] = await Promise.all(
  [service, bare].map(
    async (s) => ((await (await fetch(`${s.url}/api/users/me`, { headers })).json()) as { data: unknown }).data,
  ),
)
if (JSON.stringify(viaService) !== JSON.stringify(viaBare)) {
  throw new Error(`the two answer differently: ${JSON.stringify(viaService)} vs ${JSON.stringify(viaBare)}`)
}
const script = await requestScript({ method: 'GET', headers })
for (const server of [service, bare]) await runWrk(`${server.url}/api/users/me`, { ...load, seconds: 2 }, script)

const ratios = { rps: [] as number[], cpu: [] as number[] }
for (let round = 1; round <= ROUNDS; round++) {
  const results = []
  for (const [name, server] of [
    ['service', service],
    ['bare', bare],
  ] as const) {
    const before = await cpuSecondsOf(server.child.pid)
    const result = await runWrk(`${server.url}/api/users/me`, load, script)
    const cpuUs = (((await cpuSecondsOf(server.child.pid)) - before) * 1e6) / result.requests
    if (result.non2xx + result.socketErrors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx answers`)
    results.push({ name, cpuUs, ...result })
    console.log(
      `round ${round} ${name.padEnd(8)} ${result.rps.toFixed(0).padStart(6)} req/s  p99 ${result.p99Ms.toFixed(1)} ms  ${cpuUs.toFixed(0)} µs CPU/req`,
    )
  }
  const [mine, base] = results
  if (mine && base) {
    ratios.rps.push(mine.rps / base.rps)
    ratios.cpu.push(base.cpuUs / mine.cpuUs)
  }
}
const verdict = (r: number) => (r >= TARGET ? 'MET' : 'MISSED')
console.log(
  `GET /api/users/me × bare (median of ${ROUNDS}): req/s ${median(ratios.rps).toFixed(2)} (${verdict(median(ratios.rps))}), ` +
    `CPU per request ${median(ratios.cpu).toFixed(2)} (${verdict(median(ratios.cpu))}); target ≥ ${TARGET}`,
)
