import { join } from 'node:path'
import type { ServiceDefinition, ServiceDeps } from '@commerce/platform/service'
import { Elysia } from 'elysia'
import type { AuthConfig } from './config'
import { handlers } from './consumers/index'
import * as schema from './db/schema'
import { trustedProxies } from './http/client'
import { internalCredentialRoutes } from './http/internal-credentials.routes'
import { keyRoutes } from './http/keys.routes'
import { sessionRoutes } from './http/session.routes'
import { keyRotationJob, pruneSessionsJob } from './jobs'
import { keyEncryptionKey } from './use-cases/key-sealing'
import { ensureSigner } from './use-cases/signing-keys'

type Deps = ServiceDeps<typeof schema, AuthConfig>

function routes({ db, config, logger }: Deps) {
  const kek = keyEncryptionKey(config.AUTH_KEY_ENCRYPTION_KEY)
  const token = {
    issuer: config.AUTH_JWT_ISSUER,
    audience: config.AUTH_JWT_AUDIENCE,
    ttlS: config.AUTH_ACCESS_TTL_S,
    kek,
  }
  const window = { accessTtlMs: config.AUTH_ACCESS_TTL_S * 1000, graceMs: config.AUTH_KEY_RETIRE_GRACE_S * 1000 }
  const limits = {
    perEmail: { failures: config.AUTH_THROTTLE_EMAIL_FAILURES, windowMs: config.AUTH_THROTTLE_WINDOW_S * 1000 },
    perAddress: { failures: config.AUTH_THROTTLE_IP_FAILURES, windowMs: config.AUTH_THROTTLE_WINDOW_S * 1000 },
  }
  const refreshTtlMs = config.AUTH_REFRESH_TTL_S * 1000
  const proxyTrust = { enabled: config.AUTH_TRUST_PROXY, isTrusted: trustedProxies(config.AUTH_TRUSTED_PROXIES) }
  return (
    new Elysia()
      // A signer exists from the start (the key routes also create one on first use if this has not finished).
      .onStart(() =>
        ensureSigner(db, new Date(), kek).catch((error) => logger.error('signing key creation failed', { error })),
      )
      .use(internalCredentialRoutes({ db }))
      .use(sessionRoutes({ db, token, refreshTtlMs, limits, proxyTrust }))
      .use(keyRoutes({ db, window, issuer: token.issuer, audience: token.audience, kek }))
  )
}

/** The auth service: credentials, sessions (refresh families), login history and signing keys (SPEC §1, §3–4). */
export const authService = (config: AuthConfig): ServiceDefinition<typeof schema, AuthConfig> => ({
  name: 'auth',
  version: '0.1.0',
  description: 'Credentials, login with throttling, rotating refresh tokens, EdDSA access tokens and their JWKS',
  config,
  schema,
  migrationsFolder: join(import.meta.dir, '../migrations'),
  routes,
  consumers: () => [{ groupId: 'auth', topics: ['commerce.user.events'], handlers }],
  jobs: (deps) => [keyRotationJob(deps), pruneSessionsJob(deps)],
})

/** The public HTTP API's route tree (no /internal routes), type only: what @commerce/client's Eden Treaty is typed from. */
export type AuthRoutes = ReturnType<typeof sessionRoutes>['~Routes'] & ReturnType<typeof keyRoutes>['~Routes']
