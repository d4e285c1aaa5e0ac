import { join } from 'node:path'
import type { ServiceDefinition, ServiceDeps } from '@commerce/platform/service'
import { Elysia } from 'elysia'
import type { UserConfig } from './config'
import * as schema from './db/schema'
import { addressRoutes } from './http/addresses.routes'
import { adminRoutes } from './http/admin.routes'
import { internalRoutes } from './http/internal.routes'
import { meRoutes } from './http/me.routes'
import { registerRoutes } from './http/register.routes'
import { resolvePendingRegistrationsJob } from './jobs'
import { seedAdmin } from './seed'
import { authCredentials } from './use-cases/auth-credentials'

type Deps = ServiceDeps<typeof schema, UserConfig>

// One auth client per started service (its breaker and metrics belong to that instance).
const clients = new WeakMap<Deps, ReturnType<typeof authCredentials>>()
function credentialsOf(deps: Deps) {
  let client = clients.get(deps)
  if (!client) {
    const { AUTH_URL, AUTH_TIMEOUT_MS } = deps.config
    client = authCredentials({ baseUrl: AUTH_URL, timeoutMs: AUTH_TIMEOUT_MS, logger: deps.logger })
    clients.set(deps, client)
  }
  return client
}

const jwtOf = (config: UserConfig) => ({
  jwksUrl: config.AUTH_JWKS_URL,
  issuer: config.AUTH_JWT_ISSUER,
  audience: config.AUTH_JWT_AUDIENCE,
})

/** The user service: members and addresses; registration spans auth (README). */
export const userService = (config: UserConfig): ServiceDefinition<typeof schema, UserConfig> => ({
  name: 'user',
  version: '0.1.0',
  description: 'Members and their addresses; registration creates the credential at auth',
  config,
  schema,
  migrationsFolder: join(import.meta.dir, '../migrations'),
  routes: (deps) => {
    const { db, logger } = deps
    const auth = jwtOf(config)
    return new Elysia()
      .use(registerRoutes({ db, logger, credentials: credentialsOf(deps) }))
      .use(meRoutes({ db, auth }))
      .use(addressRoutes({ db, auth }))
      .use(adminRoutes({ db, auth }))
      .use(internalRoutes({ db }))
  },
  jobs: (deps) => [
    resolvePendingRegistrationsJob({
      db: deps.db,
      credentials: credentialsOf(deps),
      pendingTimeoutS: config.REGISTRATION_PENDING_TIMEOUT_S,
      everyMs: config.REGISTRATION_RESOLVE_EVERY_S * 1000,
    }),
  ],
  seed: async (deps) => {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = config
    if (!email || !password) return deps.logger.info('seed: no ADMIN_EMAIL/ADMIN_PASSWORD, no demo admin')
    const { db, logger } = deps
    const seedDeps = {
      db,
      logger,
      credentials: credentialsOf(deps),
      pendingTimeoutS: config.REGISTRATION_PENDING_TIMEOUT_S,
    }
    await seedAdmin(seedDeps, { email, password })
  },
})

/** The public HTTP API's route tree (no /internal routes), type only: what @commerce/client's Eden Treaty is typed from. */
export type UserRoutes = ReturnType<typeof registerRoutes>['~Routes'] &
  ReturnType<typeof meRoutes>['~Routes'] &
  ReturnType<typeof addressRoutes>['~Routes'] &
  ReturnType<typeof adminRoutes>['~Routes']
