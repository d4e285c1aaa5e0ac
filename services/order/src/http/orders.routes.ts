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
import { Elysia, t } from 'elysia'
import { OrderErrors } from '../domain/errors'
import { cancelOrder } from '../use-cases/cancel-order'
import { draftOrder } from '../use-cases/draft-order'
import { findOwnOrder, listOwnOrders, orderDetail, orderSummary } from '../use-cases/order-view'
import { placeOrder } from '../use-cases/place-order'
import { requestRefund } from '../use-cases/request-refund'
import type { OrderRouteDeps } from './route-deps'
import {
  CancelledView,
  OrderDetailView,
  OrderSummaryView,
  PlacedOrderView,
  PlaceOrderBody,
  RefundBody,
  RefundRequestedView,
} from './schemas'

/** Orders of the caller (SPEC §4): place, list, read, cancel, ask for a refund. Someone else's order is a 404. */
export const orderRoutes = (deps: OrderRouteDeps) =>
  new Elysia({ prefix: '/api/orders', detail: { tags: ['orders'] } })
    .use(jwtAuth(deps.auth))
    .use(idempotency({ db: deps.db }))
    .post(
      '/',
      async ({ user, body, meta, status, idempotently, alreadyAnswered }) => {
        // A retry of an order already placed is answered from its key record, without asking catalog again.
        const replay = await alreadyAnswered()
        if (replay) return replay
        const { items, ...shipping } = body
        // Catalog and user are asked before the transaction opens: no network call inside one.
        const input = { userId: user.userId, items, shipping, policy: deps.shipping }
        const draft = await draftOrder(deps.remote, input, meta)
        return idempotently(async (tx) => status(201, ok(await placeOrder(tx, draft, meta))))
      },
      { auth: true, idempotent: true, body: PlaceOrderBody, response: { 201: Envelope(PlacedOrderView) } },
    )
    .get(
      '/',
      async ({ user, query }) => {
        const at = { userId: user.userId, offset: pageOffset(query), size: query.size }
        const { rows, totalItems } = await listOwnOrders(deps.db, at)
        return ok(page(rows.map(orderSummary), { ...query, totalItems }))
      },
      { auth: true, query: PageQuery, response: Envelope(PageOf(OrderSummaryView)) },
    )
    .get(
      '/:id',
      async ({ user, params }) => {
        const order = await findOwnOrder(deps.db, { orderId: params.id, userId: user.userId })
        if (!order) throw OrderErrors.notFound()
        return ok(await deps.db.transaction((tx) => orderDetail(tx, order)))
      },
      { auth: true, params: IdParam, response: Envelope(OrderDetailView) },
    )
    .post(
      '/:id/cancel',
      async ({ user, params, meta }) => {
        const at = { orderId: params.id, userId: user.userId }
        return ok(await deps.db.transaction((tx) => cancelOrder(tx, at, meta)))
      },
      { auth: true, params: IdParam, response: Envelope(CancelledView) },
    )
    .post(
      '/:id/refund',
      ({ user, params, body, meta, status, idempotently }) => {
        const input = { orderId: params.id, userId: user.userId, itemIds: body?.itemIds }
        return idempotently(async (tx) => status(202, ok(await requestRefund(tx, input, meta))))
      },
      {
        auth: true,
        idempotent: true,
        params: IdParam,
        body: t.Optional(RefundBody),
        response: { 202: Envelope(RefundRequestedView) },
      },
    )
