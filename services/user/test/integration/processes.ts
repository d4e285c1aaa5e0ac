import { join } from 'node:path'
import { type SpawnedService, spawnEnv, spawnService as spawnMain } from '@commerce/platform/testing'

export type { SpawnedService }

const servicesDir = join(import.meta.dir, '../../..')

/** Starts `services/<name>/src/main.ts` as a process with `env`; resolves once it listens. */
export const spawnService = (name: string, env: Record<string, string>) =>
  spawnMain(join(servicesDir, name, 'src/main.ts'), env)

/**
 * The real auth service as its own process (its consumer group `auth` reads user events). A process rather than
 * in-process: a service never imports another service, and this is how they meet in production.
 */
export const spawnAuth = () => spawnService('auth', { ...spawnEnv('auth'), SEED_DEMO_DATA: 'false' })

/** The user service's env, pointed at `authUrl` for the internal API and at `jwksFrom` for token keys. */
export function userEnv(at: { authUrl: string; jwksFrom?: string }, overrides: Record<string, string> = {}) {
  return {
    ...spawnEnv('user'),
    AUTH_URL: at.authUrl,
    AUTH_JWKS_URL: `${at.jwksFrom ?? at.authUrl}/.well-known/jwks.json`,
    AUTH_TIMEOUT_MS: '1000',
    SEED_DEMO_DATA: 'false',
    ...overrides,
  }
}
