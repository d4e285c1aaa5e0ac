import { EmptyEnvelope, Envelope, IdParam, idempotency, jwtAuth, ok } from '@commerce/platform/http'
import { Elysia } from 'elysia'
import { changeProductStatus, deleteProduct } from '../use-cases/change-product-status'
import { createProduct } from '../use-cases/create-product'
import { addOptions, removeOption } from '../use-cases/product-options'
import { updateProduct } from '../use-cases/update-product'
import { freshAnswer } from './fresh-answer'
import { productAttributeRoutes } from './product-attributes.routes'
import {
  AddOptionsBody,
  NewProductBody,
  OptionParams,
  ProductChangeBody,
  ProductView,
  StatusBody,
} from './product-schemas'
import type { CatalogRouteDeps } from './route-deps'

/** Product writes (role ADMIN): create, update, status, delete, options; attributes in their own plugin. */
export const productWriteRoutes = (deps: CatalogRouteDeps) => {
  const fresh = freshAnswer(deps.redis)
  return new Elysia({ prefix: '/api/products', detail: { tags: ['products'] } })
    .use(jwtAuth(deps.auth))
    .use(idempotency({ db: deps.db }))
    .post(
      '/',
      async ({ body, meta, status, idempotently }) =>
        fresh(await idempotently(async (tx) => status(201, ok(await createProduct(tx, body, meta))))),
      { role: 'ADMIN', idempotent: true, body: NewProductBody, response: { 201: Envelope(ProductView) } },
    )
    .put(
      '/:id',
      async ({ params, body, meta }) => {
        const input = { productId: params.id, change: body }
        return fresh(ok(await deps.db.transaction((tx) => updateProduct(tx, input, meta))))
      },
      { role: 'ADMIN', params: IdParam, body: ProductChangeBody, response: Envelope(ProductView) },
    )
    .patch(
      '/:id/status',
      async ({ params, body, meta }) => {
        const input = { productId: params.id, status: body.status }
        await deps.db.transaction((tx) => changeProductStatus(tx, input, meta))
        return fresh(ok())
      },
      { role: 'ADMIN', params: IdParam, body: StatusBody, response: EmptyEnvelope },
    )
    .delete(
      '/:id',
      async ({ params, meta, status }) => {
        await deps.db.transaction((tx) => deleteProduct(tx, params.id, meta))
        return fresh(status(204, undefined))
      },
      { role: 'ADMIN', params: IdParam },
    )
    .post(
      '/:id/options',
      // Not under Idempotency-Key: a repeated add answers 400 CATALOG-400-002 (the names exist) and changes nothing.
      async ({ params, body, meta }) => {
        const input = { productId: params.id, ...body }
        return fresh(ok(await deps.db.transaction((tx) => addOptions(tx, input, meta))))
      },
      { role: 'ADMIN', params: IdParam, body: AddOptionsBody, response: Envelope(ProductView) },
    )
    .delete(
      '/:id/options/:optionId',
      async ({ params, meta }) => {
        const input = { productId: params.id, optionId: params.optionId }
        return fresh(ok(await deps.db.transaction((tx) => removeOption(tx, input, meta))))
      },
      { role: 'ADMIN', params: OptionParams, response: Envelope(ProductView) },
    )
    .use(productAttributeRoutes(deps))
}
