import { Envelope, IdParam, idempotency, jwtAuth, NonEmptyText, ok, Text } from '@commerce/platform/http'
import { Elysia, t } from 'elysia'
import { changeBrand, createBrand, deleteBrand } from '../use-cases/brands'
import { brandReads } from '../use-cases/prepared-reads'
import { freshAnswer } from './fresh-answer'
import type { CatalogRouteDeps } from './route-deps'

const BrandView = t.Object({ id: t.Integer(), name: t.String(), logoImageUrl: t.Union([t.String(), t.Null()]) })

const NewBrandBody = t.Object({ name: NonEmptyText(100), logoImageUrl: t.Optional(Text(500)) })

const BrandChangeBody = t.Object({
  name: t.Optional(NonEmptyText(100)),
  logoImageUrl: t.Optional(t.Union([Text(500), t.Null()])),
})

/** Brands: list and one (public), create (Idempotency-Key), change, soft delete (role ADMIN). */
export const brandRoutes = (deps: CatalogRouteDeps) => {
  const reads = brandReads(deps.db)
  const fresh = freshAnswer(deps.redis)
  return new Elysia({ prefix: '/api/brands', detail: { tags: ['brands'] } })
    .use(jwtAuth(deps.auth))
    .use(idempotency({ db: deps.db }))
    .get('/', async () => ok(await reads.all()), { response: Envelope(t.Array(BrandView)) })
    .get('/:id', async ({ params }) => ok(await reads.one(params.id)), {
      params: IdParam,
      response: Envelope(BrandView),
    })
    .post(
      '/',
      async ({ body, meta, status, idempotently }) =>
        fresh(await idempotently(async (tx) => status(201, ok(await createBrand(tx, body, meta.now))))),
      { role: 'ADMIN', idempotent: true, body: NewBrandBody, response: { 201: Envelope(BrandView) } },
    )
    .put(
      '/:id',
      async ({ params, body, meta }) => {
        const input = { brandId: params.id, change: body }
        return fresh(ok(await deps.db.transaction((tx) => changeBrand(tx, input, meta.now))))
      },
      { role: 'ADMIN', params: IdParam, body: BrandChangeBody, response: Envelope(BrandView) },
    )
    .delete(
      '/:id',
      async ({ params, meta, status }) => {
        await deps.db.transaction((tx) => deleteBrand(tx, params.id, meta.now))
        return fresh(status(204, undefined))
      },
      { role: 'ADMIN', params: IdParam },
    )
}
