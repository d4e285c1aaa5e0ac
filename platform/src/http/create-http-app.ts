import { openapi } from '@elysiajs/openapi'
import { Elysia } from 'elysia'
import { type HealthCheck, healthRoutes } from './health-routes'
import { httpKit } from './http-kit'
import { allowedMethodsOf } from './method-not-allowed'
import { metricsRoute } from './metrics-route'

/** What a service says about itself; the rest of the HTTP plumbing is the same everywhere. */
export interface HttpAppOptions {
  name: string
  version: string
  description?: string
  /** Readiness checks (DB, Redis, broker), each time-boxed by `readyTimeoutMs`. */
  checks?: Record<string, HealthCheck>
  readyTimeoutMs?: number
}

/**
 * A service's root app: httpKit (ids, meta, errors, metrics), 405 detection, OpenAPI at `/openapi` and
 * `/openapi/json`, health and `/metrics`. The service then `.use()`s its route plugins.
 */
export function createHttpApp(options: HttpAppOptions) {
  const app = new Elysia()
  return app
    .use(httpKit)
    .decorate({ as: 'override' }, 'allowedMethods', allowedMethodsOf(app))
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
    .use(healthRoutes({ checks: options.checks, timeoutMs: options.readyTimeoutMs }))
    .use(metricsRoute())
}
