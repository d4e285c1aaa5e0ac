import { join } from 'node:path'
import { testEnv } from '@commerce/platform/testing'

const servicesDir = join(import.meta.dir, '../../..')

/** A service running as its own process (as `npm run up` runs it): its URL, SIGTERM on dispose, `kill` for SIGKILL. */
export interface SpawnedService extends AsyncDisposable {
  url: string
  child: ReturnType<typeof Bun.spawn>
  kill(): Promise<void>
}

// Reads the child's stdout until runService's "started" line names the port; keeps draining it afterwards.
async function portOf(stdout: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stdout.getReader()
  let text = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) throw new Error(`the service exited before it started: ${text.slice(-2000)}`)
    text += new TextDecoder().decode(value)
    const startLine = text.split('\n').find((line) => line.includes('"msg":"started"'))
    const port = startLine ? /"port":(\d+)/.exec(startLine)?.[1] : undefined
    if (port) {
      void (async () => {
        while (!(await reader.read()).done) {}
      })()
      return port
    }
  }
}

/** Starts `services/<name>/src/main.ts` as a process with `env` on top of this one's; resolves once it listens. */
export async function spawnService(name: string, env: Record<string, string>): Promise<SpawnedService> {
  const main = join(servicesDir, name, 'src/main.ts')
  // Info level at least: the "started" line is how the port is learned.
  const level = env['LOG_LEVEL'] === 'debug' ? 'debug' : 'info'
  const child = Bun.spawn(['bun', main], {
    env: { ...process.env, ...env, LOG_LEVEL: level },
    stdout: 'pipe',
    stderr: 'inherit',
  })
  const url = `http://127.0.0.1:${await portOf(child.stdout)}`
  const signal = async (signal: 'SIGTERM' | 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await child.exited
  }
  return { url, child, kill: () => signal('SIGKILL'), [Symbol.asyncDispose]: () => signal('SIGTERM') }
}

const jwt = { AUTH_JWT_ISSUER: 'commerce-auth', AUTH_JWT_AUDIENCE: 'commerce' }

/** The env every service gets against the test stack (what `npm run up` gives it), on a free port. */
export function baseEnv(service: string): Record<string, string> {
  const env = testEnv()
  return {
    PORT: '0',
    SERVICE_NAME: service,
    LOG_LEVEL: 'warn',
    MARIADB_URL: env.databaseUrl(service),
    REDIS_URL: env.redisUrl,
    KAFKA_BROKERS: env.kafkaBrokers,
    ...jwt,
  }
}

/**
 * The real auth service as its own process (its consumer group `auth` reads user events). A process rather than
 * in-process: a service never imports another service, and this is how they meet in production.
 */
export const spawnAuth = () => spawnService('auth', { ...baseEnv('auth'), SEED_DEMO_DATA: 'false' })

/** The user service's env, pointed at `authUrl` for the internal API and at `jwksFrom` for token keys. */
export function userEnv(at: { authUrl: string; jwksFrom?: string }, overrides: Record<string, string> = {}) {
  return {
    ...baseEnv('user'),
    AUTH_URL: at.authUrl,
    AUTH_JWKS_URL: `${at.jwksFrom ?? at.authUrl}/.well-known/jwks.json`,
    AUTH_TIMEOUT_MS: '1000',
    SEED_DEMO_DATA: 'false',
    ...overrides,
  }
}
