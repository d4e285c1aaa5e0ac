import { CommonErrors, Envelope, maxId, ok } from '@commerce/platform/http'
import { Elysia, t } from 'elysia'
import { skusByIds } from '../use-cases/sku-lookup'
import type { CatalogRouteDeps } from './route-deps'

const maxIds = 100

// Up to 100 comma-separated positive integers of at most 16 digits each; checked again for the id range below.
const IdList = t.String({ pattern: `^[1-9][0-9]{0,15}(,[1-9][0-9]{0,15}){0,${maxIds - 1}}$`, maxLength: 1_800 })

const SkuView = t.Object({
  id: t.Integer(),
  productId: t.Integer(),
  productName: t.String(),
  optionValues: t.Record(t.String(), t.String()),
  price: t.Integer(),
  sellingPrice: t.Integer(),
  status: t.String(),
})

function parseIds(list: string): number[] {
  const ids = [...new Set(list.split(',').map(Number))]
  if (ids.some((id) => id > maxId)) {
    throw CommonErrors.validation([{ field: 'ids', value: list, reason: `Ids are at most ${maxId}` }])
  }
  return ids
}

/** `GET /internal/skus?ids=` for order creation (no token; cluster only): unknown ids are left out. */
export const internalRoutes = (deps: CatalogRouteDeps) =>
  new Elysia({ prefix: '/internal', detail: { tags: ['internal'] } }).get(
    '/skus',
    async ({ query }) => ok(await skusByIds(deps.db, parseIds(query.ids))),
    { query: t.Object({ ids: IdList }), response: Envelope(t.Array(SkuView)) },
  )
