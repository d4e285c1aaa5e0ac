import { Envelope, Id, IdParam, jwtAuth, NonEmptyText, ok } from '@commerce/platform/http'
import { Elysia, t } from 'elysia'
import { productAttributeList, replaceProductAttributes } from '../use-cases/product-attributes'
import { freshAnswer } from './fresh-answer'
import type { CatalogRouteDeps } from './route-deps'

const ValueView = t.Object({
  id: t.Integer(),
  attributeId: t.Integer(),
  attributeName: t.String(),
  type: t.String(),
  value: t.String(),
})

const ValuesBody = t.Object({
  attributes: t.Array(t.Object({ attributeId: Id(), value: NonEmptyText(500) }), { maxItems: 200 }),
})

/** A product's attribute values: read public, replace-all role ADMIN. */
export const productAttributeRoutes = (deps: CatalogRouteDeps) =>
  new Elysia()
    .use(jwtAuth(deps.auth))
    .get('/:id/attributes', async ({ params }) => ok(await productAttributeList(deps.db, params.id)), {
      params: IdParam,
      response: Envelope(t.Array(ValueView)),
    })
    .put(
      '/:id/attributes',
      async ({ params, body, meta }) => {
        const input = { productId: params.id, values: body.attributes }
        const list = await deps.db.transaction((tx) => replaceProductAttributes(tx, input, meta.now))
        return freshAnswer(deps.redis)(ok(list))
      },
      { role: 'ADMIN', params: IdParam, body: ValuesBody, response: Envelope(t.Array(ValueView)) },
    )
