import { openapi } from '@elysiajs/openapi'
import { Elysia } from 'elysia'
import { createLogger, type Logger } from '../log/index'
import { type HealthCheck, healthRoutes } from './health-routes'
import { httpKit, type KitSettings } from './http-kit'
import { metricsRoute } from './metrics-route'
import { inspectRoutes } from './route-inspector'

/** What a service says about itself; the rest of the HTTP plumbing is the same everywhere. */
export interface HttpAppOptions {
  name: string
  version: string
  description?: string
  /** Readiness checks (DB, Redis, broker), each time-boxed by `readyTimeoutMs`. */
  checks?: Record<string, HealthCheck>
  readyTimeoutMs?: number
  /** The service's logger (`createLogger({ service }, config.LOG_LEVEL)`); 5xx and access lines go there. */
  logger?: Logger
  /** `config.HTTP_ACCESS_LOG`: one info line per request. */
  accessLog?: boolean
}

/**
 * A service's root app: httpKit (ids, meta, errors, metrics), 405 detection, OpenAPI at `/openapi` and
 * `/openapi/json`, health and `/metrics`. The service then `.use()`s its route plugins.
 */
export function createHttpApp(options: HttpAppOptions) {
  const app = new Elysia()
  const logger = options.logger ?? createLogger({ service: options.name })
  const kit: KitSettings = { logger, accessLog: options.accessLog ?? false, routes: inspectRoutes(app) }
  return app
    .use(httpKit)
    .decorate({ as: 'override' }, 'kit', () => kit)
    .use(
      openapi({
        path: '/openapi',
        specPath: '/openapi/json',
        documentation: {
          info: { title: options.name, version: options.version, description: options.description },
          components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
        },
      }),
    )
    .use(healthRoutes({ checks: options.checks, timeoutMs: options.readyTimeoutMs, logger }))
    .use(metricsRoute())
}
