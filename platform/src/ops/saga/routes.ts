import { Elysia, t } from 'elysia'
import type { JwtAuthOptions } from '../../http/access-token'
import { CommonErrors } from '../../http/common-errors'
import { ok } from '../../http/envelope'
import { jwtAuth } from '../../http/jwt-auth'
import type { KafkaClient } from '../../kafka/client'
import type { Logger } from '../../log/index'
import { sagaSources, sagaTimeline } from './collect'
import type { SagaSettings } from './config'
import { isUnknown } from './timeline'

/** What the saga route needs: how admins are recognised, the cluster (DLQs), and where the services are. */
export interface SagaRouteDeps {
  auth: JwtAuthOptions
  kafka: KafkaClient
  logger: Logger
  saga: SagaSettings
}

// Order ids are integers; any correlation id the platform writes fits this (no slash, no space).
const OrderIdParam = t.Object({ orderId: t.String({ pattern: '^[A-Za-z0-9._:-]{1,255}$' }) })

/**
 * `GET /api/ops/sagas/:orderId` (role ADMIN): the order's saga timeline — `{ orderId, entries, states, deadLetters,
 * notes }`. 404 COMMON-404 when no service and no dead letter knows the order; a service that is down is marked
 * unavailable in `states` and `notes`, never a 500.
 */
export const sagaRoutes = (deps: SagaRouteDeps) => {
  const sources = sagaSources(deps.saga, deps)
  return new Elysia({ detail: { tags: ['ops'] } }).use(jwtAuth(deps.auth)).get(
    '/api/ops/sagas/:orderId',
    async ({ params }) => {
      const timeline = await sagaTimeline(sources, params.orderId)
      if (isUnknown(timeline)) throw CommonErrors.notFound(`No service knows order ${params.orderId}`)
      return ok(timeline)
    },
    { role: 'ADMIN', params: OrderIdParam },
  )
}
