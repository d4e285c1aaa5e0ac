import { join } from 'node:path'
import type { ServiceDefinition, ServiceDeps } from '@commerce/platform/service'
import type { PaymentConfig } from './config'
import { paymentHandlers, paymentTopics } from './consumers'
import * as schema from './db/schema'
import { tossGateway } from './gateway/toss'
import { paymentRoutes } from './http/payments.routes'
import { paymentJobs } from './jobs'
import type { PgDeps } from './use-cases/deps'
import { paymentSagaStates } from './use-cases/saga-states'

/** The payment service: payments through the PG (Toss v1 shapes) for the checkout saga (README). */
export const paymentService = (config: PaymentConfig): ServiceDefinition<typeof schema, PaymentConfig> => {
  // One PG client (and so one circuit breaker) per process, shared by routes, consumers and jobs.
  let pg: PgDeps | undefined
  const pgOf = ({ db, logger }: ServiceDeps<typeof schema, PaymentConfig>): PgDeps =>
    (pg ??= {
      db,
      logger,
      gateway: tossGateway({
        baseUrl: config.PG_SANDBOX_URL,
        secretKey: config.PG_SANDBOX_SECRET_KEY,
        timeoutMs: config.PG_TIMEOUT_MS,
        logger,
      }),
      refundRetry: { maxAttempts: config.PAYMENT_REFUND_MAX_ATTEMPTS, baseMs: config.PAYMENT_REFUND_RETRY_BASE_MS },
    })
  return {
    name: 'payment',
    version: '0.2.0',
    description: 'Payments through the PG (Toss v1 shapes) for the checkout saga',
    config,
    schema,
    migrationsFolder: join(import.meta.dir, '../migrations'),
    routes: (deps) => {
      const auth = { jwksUrl: config.AUTH_JWKS_URL, issuer: config.AUTH_JWT_ISSUER, audience: config.AUTH_JWT_AUDIENCE }
      return paymentRoutes({ ...pgOf(deps), auth })
    },
    sagaStates: (deps, correlationId) => paymentSagaStates(deps.db, correlationId),
    consumers: (deps) => [
      {
        topics: paymentTopics,
        handlers: paymentHandlers({ pg: pgOf(deps), windowMs: config.PAYMENT_WINDOW_S * 1000 }),
      },
    ],
    jobs: (deps) =>
      paymentJobs({
        ...pgOf(deps),
        expiryEveryMs: config.PAYMENT_EXPIRY_EVERY_S * 1000,
        settleEveryMs: config.PAYMENT_SETTLE_EVERY_S * 1000,
        settleAfterMs: config.PAYMENT_SETTLE_AFTER_S * 1000,
      }),
  }
}

/** The public HTTP API's route tree (no /internal routes), type only: what @commerce/client's Eden Treaty is typed from. */
export type PaymentRoutes = ReturnType<typeof paymentRoutes>['~Routes']
