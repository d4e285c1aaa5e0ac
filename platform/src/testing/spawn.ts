import { stackDefaults } from '../../stack/defaults'
import { testEnv } from './env'

/** A service running as its own process (as `npm run up` runs it): its URL, SIGTERM on dispose, `kill` for SIGKILL. */
export interface SpawnedService extends AsyncDisposable {
  url: string
  child: ReturnType<typeof Bun.spawn>
  kill(): Promise<void>
}

// Reads the child's stdout until runService's "started" line names the port; keeps draining it afterwards so the
// child never blocks on a full pipe.
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

/** Starts a service's `main.ts` as a process with `env` on top of this one's; resolves once it listens. */
export async function spawnService(main: string, env: Record<string, string>): Promise<SpawnedService> {
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

/**
 * The env a service gets against the test stack (what `npm run up` gives it) on a free port; `database` names its
 * `commerce_<database>` (defaults to the service name).
 */
export function spawnEnv(service: string, database = service): Record<string, string> {
  const env = testEnv()
  return {
    PORT: '0',
    SERVICE_NAME: service,
    LOG_LEVEL: 'warn',
    MARIADB_URL: env.databaseUrl(database),
    REDIS_URL: env.redisUrl,
    KAFKA_BROKERS: env.kafkaBrokers,
    AUTH_JWT_ISSUER: stackDefaults.AUTH_JWT_ISSUER,
    AUTH_JWT_AUDIENCE: stackDefaults.AUTH_JWT_AUDIENCE,
  }
}
