import { Envelope, IdParam, idempotency, jwtAuth, ok } from '@commerce/platform/http'
import { Elysia, t } from 'elysia'
import { createDiscount, deleteDiscount, listDiscounts } from '../use-cases/discount-policies'
import { createPromotion, listActivePromotions, promotionPrice } from '../use-cases/promotions'
import { bumpGeneration } from '../use-cases/read-cache'
import {
  DiscountParams,
  DiscountView,
  NewDiscountBody,
  NewPromotionBody,
  PromotionPriceView,
  PromotionView,
} from './pricing-schemas'
import type { CatalogRouteDeps } from './route-deps'

/**
 * Discount policies and promotions (original §3.1): public reads, admin writes. Every write recomputes the product's
 * prices in its transaction and bumps the read-cache generation after the commit, before answering.
 */
export const pricingRoutes = (deps: CatalogRouteDeps) =>
  new Elysia({ detail: { tags: ['pricing'] } })
    .use(jwtAuth(deps.auth))
    .use(idempotency({ db: deps.db }))
    .get(
      '/api/products/:id/discounts',
      async ({ params, meta }) => ok(await listDiscounts(deps.db, params.id, meta.now)),
      {
        params: IdParam,
        response: Envelope(t.Array(DiscountView)),
      },
    )
    .post(
      '/api/products/:id/discounts',
      async ({ params, body, meta, status, idempotently }) => {
        const input = { ...body, productId: params.id }
        const answer = await idempotently(async (tx) => status(201, ok(await createDiscount(tx, input, meta))))
        await bumpGeneration(deps.redis)
        return answer
      },
      {
        role: 'ADMIN',
        idempotent: true,
        params: IdParam,
        body: NewDiscountBody,
        response: { 201: Envelope(DiscountView) },
      },
    )
    .delete(
      '/api/products/:id/discounts/:discountId',
      async ({ params, meta, status }) => {
        const at = { productId: params.id, discountId: params.discountId }
        await deps.db.transaction((tx) => deleteDiscount(tx, at, meta))
        await bumpGeneration(deps.redis)
        return status(204, undefined)
      },
      { role: 'ADMIN', params: DiscountParams, response: { 204: t.Undefined() } },
    )
    .post(
      '/api/promotions',
      async ({ body, meta, status, idempotently }) => {
        const answer = await idempotently(async (tx) => status(201, ok(await createPromotion(tx, body, meta))))
        await bumpGeneration(deps.redis)
        return answer
      },
      { role: 'ADMIN', idempotent: true, body: NewPromotionBody, response: { 201: Envelope(PromotionView) } },
    )
    .get(
      '/api/promotions/products/:id',
      async ({ params, meta }) => ok(await listActivePromotions(deps.db, params.id, meta.now)),
      { params: IdParam, response: Envelope(t.Array(PromotionView)) },
    )
    .get(
      '/api/promotions/products/:id/price',
      async ({ params, meta }) => ok(await promotionPrice(deps.db, params.id, meta.now)),
      { params: IdParam, response: Envelope(PromotionPriceView) },
    )
