import { createHttpApp } from '../http/create-http-app'
import { kafkaCheck } from '../kafka/client'
import { registry } from '../metrics/index'
import type { OpsDeps } from './deps'
import { adminGate } from './http/admin-gate'
import { consoleRoutes } from './http/console.routes'
import { loginRoutes } from './http/login.routes'
import { opsRoutes } from './http/ops.routes'
import { registerOpsMetrics } from './metrics'
import { sagaRoutes } from './saga/routes'

/**
 * The operator console: the page at `/`, the admin-only JSON API under `/api/ops`, and the ops exporter's gauges on
 * `/metrics` (computed on scrape). Used by main.ts and by tests.
 */
export function createOpsApp(deps: OpsDeps) {
  registerOpsMetrics(registry, deps)
  return createHttpApp({
    name: 'ops',
    version: '0.1.0',
    description: 'Operator console',
    logger: deps.logger,
    checks: { kafka: kafkaCheck(deps.kafka) },
  })
    .use(adminGate(deps.auth))
    .use(consoleRoutes())
    .use(loginRoutes(deps))
    .use(opsRoutes(deps))
    .use(sagaRoutes(deps))
}
