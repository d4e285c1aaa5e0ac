// Login throughput and p95 at saturation against the raw Bun.password.verify rate of the same hash settings, measured
// in the same run with the same concurrency. Not a test: `bun services/auth/bench/login.ts` with the stack up.
// Arguments: concurrency (default 8) and seconds per measurement (default 15).
import { freshId, freshName, startTestService, testEnv } from '@commerce/platform/testing'
import { authService } from '../src/app'
import { loadAuthConfig } from '../src/config'
import { hashPassword } from '../src/use-cases/password'

const concurrency = Number(Bun.argv[2] ?? 8)
const seconds = Number(Bun.argv[3] ?? 15)
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

const env = testEnv()
// Throttling raised out of the way: the bench measures the login path, not the limiter.
const config = loadAuthConfig({
  PORT: '0',
  SERVICE_NAME: 'auth',
  LOG_LEVEL: 'warn',
  MARIADB_URL: env.databaseUrl('auth'),
  REDIS_URL: env.redisUrl,
  KAFKA_BROKERS: env.kafkaBrokers,
  AUTH_JWT_ISSUER: 'commerce-auth',
  AUTH_JWT_AUDIENCE: 'commerce',
  AUTH_THROTTLE_EMAIL_FAILURES: '1000000',
  AUTH_THROTTLE_IP_FAILURES: '1000000',
})
await using service = await startTestService(authService(config))

const accounts = Array.from({ length: concurrency }, () => ({
  userId: freshId() % 10 ** 15,
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
const raw = await saturate(async () => void (await Bun.password.verify(password, hash)))
const login = await saturate(logIn)

const fmt = (run: Run) =>
  `${run.perSecond.toFixed(1)}/s  p95 ${run.p95Ms.toFixed(0)} ms  (${run.count} in ${seconds} s)`
console.log(`concurrency ${concurrency}, ${seconds} s each, argon2id m=19456 t=2 p=1`)
console.log(`raw Bun.password.verify : ${fmt(raw)}`)
console.log(`POST /api/auth/login    : ${fmt(login)}`)
console.log(`ratio login / raw verify: ${(login.perSecond / raw.perSecond).toFixed(2)} (target >= 0.8)`)
console.log('original (koosco, 12-core node, pre-merge auth-service): 11.6 logins/s, p95 7.2 s')
