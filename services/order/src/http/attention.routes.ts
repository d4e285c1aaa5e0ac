import {
  Envelope,
  IdParam,
  idempotency,
  jwtAuth,
  ok,
  PageOf,
  PageQuery,
  page,
  pageOffset,
} from '@commerce/platform/http'
import { Elysia } from 'elysia'
import { OrderErrors } from '../domain/errors'
import { attentionSummary, findOrder, listNeedingAttention } from '../use-cases/attention-view'
import { resolveAttention, retryCompensation } from '../use-cases/operator-actions'
import { orderDetail } from '../use-cases/order-view'
import {
  AttentionDetailView,
  AttentionSummaryView,
  ResolveBody,
  ResolvedView,
  RetryRequestedView,
} from './attention-schemas'
import type { OrderRouteDeps } from './route-deps'

/**
 * The operator's side of a failed compensation (SPEC §6, role ADMIN, any order): list the orders in NEEDS_ATTENTION,
 * read one with its history, retry the compensation (payment re-runs the failed refund), or resolve it with a reason.
 */
export const attentionRoutes = (deps: Pick<OrderRouteDeps, 'db' | 'auth'>) =>
  new Elysia({ prefix: '/api/orders', detail: { tags: ['orders: operator'] } })
    .use(jwtAuth(deps.auth))
    .use(idempotency({ db: deps.db }))
    .get(
      '/needs-attention',
      async ({ query }) => {
        const { rows, totalItems } = await listNeedingAttention(deps.db, {
          offset: pageOffset(query),
          size: query.size,
        })
        return ok(page(rows.map(attentionSummary), { ...query, totalItems }))
      },
      { role: 'ADMIN', query: PageQuery, response: Envelope(PageOf(AttentionSummaryView)) },
    )
    .get(
      '/:id/attention',
      async ({ params }) => {
        const order = await findOrder(deps.db, params.id)
        if (!order) throw OrderErrors.notFound()
        const detail = await deps.db.transaction((tx) => orderDetail(tx, order))
        const { reason, since } = attentionSummary(order)
        return ok({ ...detail, attention: order.status === 'NEEDS_ATTENTION' ? { reason, since } : null })
      },
      { role: 'ADMIN', params: IdParam, response: Envelope(AttentionDetailView) },
    )
    .post(
      '/:id/attention/retry',
      ({ user, params, meta, status, idempotently }) => {
        const input = { orderId: params.id, adminId: user.userId }
        return idempotently(async (tx) => status(202, ok(await retryCompensation(tx, input, meta))))
      },
      { role: 'ADMIN', idempotent: true, params: IdParam, response: { 202: Envelope(RetryRequestedView) } },
    )
    .post(
      '/:id/attention/resolve',
      ({ user, params, body, meta, status, idempotently }) => {
        const input = { orderId: params.id, adminId: user.userId, reason: body.reason }
        const answer = idempotently(async (tx) => status(200, ok(await resolveAttention(tx, input, meta))))
        // A replay is a stored Response, a first answer the body: Elysia accepts a promise of either, not of both.
        return answer as Promise<Response> | Promise<Exclude<Awaited<typeof answer>, Response>>
      },
      {
        role: 'ADMIN',
        idempotent: true,
        params: IdParam,
        body: ResolveBody,
        response: { 200: Envelope(ResolvedView) },
      },
    )
