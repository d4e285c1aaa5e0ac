import { Envelope, Id, IdParam, idempotency, jwtAuth, NonEmptyText, ok } from '@commerce/platform/http'
import { Elysia, t } from 'elysia'
import { attributeTypes } from '../domain/attributes'
import { addAttribute, categoryAttributeList, changeAttribute, removeAttribute } from '../use-cases/category-attributes'
import { freshAnswer } from './fresh-answer'
import type { CatalogRouteDeps } from './route-deps'

const AttributeFields = {
  name: NonEmptyText(100),
  type: t.UnionEnum([...attributeTypes]),
  required: t.Optional(t.Boolean()),
  options: t.Optional(t.Array(NonEmptyText(100), { maxItems: 100 })),
  ordering: t.Optional(t.Integer({ minimum: 0, maximum: 10_000 })),
}

const AttributeView = t.Object({
  id: t.Integer(),
  categoryId: t.Integer(),
  name: t.String(),
  type: t.String(),
  required: t.Boolean(),
  options: t.Array(t.String()),
  ordering: t.Integer(),
  inherited: t.Boolean(),
})

const AttributeParams = t.Object({ id: Id(), attributeId: Id() })

/** A category's attributes (inherited by its descendants): list public, writes role ADMIN. */
export const categoryAttributeRoutes = (deps: CatalogRouteDeps) => {
  const fresh = freshAnswer(deps.redis)
  return new Elysia()
    .use(jwtAuth(deps.auth))
    .use(idempotency({ db: deps.db }))
    .get(
      '/:id/attributes',
      async ({ params, query }) =>
        ok(
          await categoryAttributeList(deps.db, {
            categoryId: params.id,
            includeInherited: query.includeInherited ?? false,
          }),
        ),
      {
        params: IdParam,
        query: t.Object({ includeInherited: t.Optional(t.BooleanString()) }),
        response: Envelope(t.Array(AttributeView)),
      },
    )
    .post(
      '/:id/attributes',
      async ({ params, body, meta, status, idempotently }) => {
        const input = { ...body, categoryId: params.id }
        return fresh(await idempotently(async (tx) => status(201, ok(await addAttribute(tx, input, meta.now)))))
      },
      {
        role: 'ADMIN',
        idempotent: true,
        params: IdParam,
        body: t.Object(AttributeFields),
        response: { 201: Envelope(AttributeView) },
      },
    )
    .put(
      '/:id/attributes/:attributeId',
      async ({ params, body, meta }) => {
        const input = { categoryId: params.id, attributeId: params.attributeId, change: body }
        return fresh(ok(await deps.db.transaction((tx) => changeAttribute(tx, input, meta.now))))
      },
      {
        role: 'ADMIN',
        params: AttributeParams,
        body: t.Partial(t.Object(AttributeFields)),
        response: Envelope(AttributeView),
      },
    )
    .delete(
      '/:id/attributes/:attributeId',
      async ({ params, status }) => {
        const ref = { categoryId: params.id, attributeId: params.attributeId }
        await deps.db.transaction((tx) => removeAttribute(tx, ref))
        return fresh(status(204, undefined))
      },
      { role: 'ADMIN', params: AttributeParams },
    )
}
