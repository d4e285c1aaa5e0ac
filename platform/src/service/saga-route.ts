import { Elysia, t } from 'elysia'
import type { Db } from '../db/types'
import { ok } from '../http/index'
import { readSagaRows, type SagaTransition, type ServiceSagaView } from './saga-view'

/** What the saga route of one service reads with: its name, DB, retention and optional state-transition hook. */
export interface SagaViewSource {
  service: string
  db: Db
  retention: ServiceSagaView['retention']
  states?: (correlationId: string) => Promise<SagaTransition[]>
}

/**
 * `GET /internal/saga/:correlationId`: this service's part of one saga (outbox, inbox, parked rows and its own state
 * transitions), for the ops timeline. Like every /internal route: no token, never routed by the gateway (cluster only).
 */
export const sagaViewRoute = (source: SagaViewSource) =>
  new Elysia({ prefix: '/internal', detail: { tags: ['internal'] } }).get(
    '/saga/:correlationId',
    async ({ params }) => {
      const { correlationId } = params
      const [rows, states] = await Promise.all([
        readSagaRows(source.db, correlationId),
        source.states ? source.states(correlationId) : Promise.resolve([]),
      ])
      const view: ServiceSagaView = {
        service: source.service,
        correlationId,
        ...rows,
        states,
        retention: source.retention,
      }
      return ok(view)
    },
    { params: t.Object({ correlationId: t.String({ minLength: 1, maxLength: 255 }) }) },
  )
