// Login throughput and p95 at saturation against the raw Bun.password.verify rate of the same hash settings, measured
// in the same run with the same concurrency. Not a test: `bun services/auth/bench/login.ts` with the stack up.
// Arguments: concurrency (default 8), seconds per measurement (default 10), rounds (default 3). Raw and login alternate
// round by round, so drift on a shared 2-core machine (Kafka, Debezium, MariaDB) falls on both; the ratio is per round.
import { freshId, freshName, spawnEnv, startTestService } from '@commerce/platform/testing'
import { authService } from '../src/app'
import { loadAuthConfig } from '../src/config'
import { hashPassword } from '../src/use-cases/password'

const concurrency = Number(Bun.argv[2] ?? 8)
const seconds = Number(Bun.argv[3] ?? 10)
const rounds = Number(Bun.argv[4] ?? 3)
const password = 'bench-password-123'

interface Run {
  count: number
  perSecond: number
  p95Ms: number
}

// `concurrency` workers call `once` back to back for `seconds`; returns the rate and the latency p95.
async function saturate(once: (worker: number) => Promise<void>): Promise<Run> {
  const latencies: number[] = []
  const started = performance.now()
  const until = started + seconds * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < until) {
        const t0 = performance.now()
        await once(worker)
        latencies.push(performance.now() - t0)
      }
    }),
  )
  const elapsedS = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const p95Ms = latencies[Math.floor(latencies.length * 0.95)] ?? 0
  return { count: latencies.length, perSecond: latencies.length / elapsedS, p95Ms }
}

// Throttling raised out of the way: the bench measures the login path, not the limiter.
const config = loadAuthConfig({
  ...spawnEnv('auth'),
  AUTH_THROTTLE_EMAIL_FAILURES: '1000000',
  AUTH_THROTTLE_IP_FAILURES: '1000000',
})
await using service = await startTestService(authService(config))

const accounts = Array.from({ length: concurrency }, () => ({
  userId: freshId(),
  email: `${freshName('bench')}@example.com`,
}))
for (const account of accounts) {
  await fetch(`${service.url}/internal/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...account, password, roles: ['USER'] }),
  })
}

const logIn = async (worker: number) => {
  const response = await fetch(`${service.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: accounts[worker]?.email, password }),
  })
  if (response.status !== 200) throw new Error(`login answered ${response.status}`)
  await response.arrayBuffer()
}

const hash = await hashPassword(password)
for (let i = 0; i < concurrency; i += 1) await logIn(i) // warm-up: signer, pools, JIT
const runs: { raw: Run; login: Run }[] = []
for (let round = 0; round < rounds; round += 1) {
  const raw = await saturate(async () => void (await Bun.password.verify(password, hash)))
  const login = await saturate(logIn)
  runs.push({ raw, login })
  console.log(`round ${round + 1}: raw ${fmt(raw)} | login ${fmt(login)} | ratio ${ratio(runs.at(-1))}`)
}

function fmt(run: Run) {
  return `${run.perSecond.toFixed(1)}/s p95 ${run.p95Ms.toFixed(0)} ms`
}
function ratio(run: { raw: Run; login: Run } | undefined) {
  return run ? (run.login.perSecond / run.raw.perSecond).toFixed(2) : 'n/a'
}
const byRatio = [...runs].sort((a, b) => a.login.perSecond / a.raw.perSecond - b.login.perSecond / b.raw.perSecond)
const median = byRatio[Math.floor(byRatio.length / 2)]
console.log(`concurrency ${concurrency}, ${seconds} s per run, ${rounds} rounds, argon2id m=19456 t=2 p=1`)
console.log(`median round — raw Bun.password.verify: ${median ? fmt(median.raw) : 'n/a'}`)
console.log(`median round — POST /api/auth/login   : ${median ? fmt(median.login) : 'n/a'}`)
console.log(`ratio login / raw verify (median of rounds): ${ratio(median)} (target >= 0.8)`)
console.log('original (koosco, 12-core node, pre-merge auth-service): 11.6 logins/s, p95 7.2 s')
