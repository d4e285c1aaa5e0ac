import { Envelope, IdParam, ok } from '@commerce/platform/http'
import { Elysia, t } from 'elysia'
import { InventoryErrors } from '../domain/errors'
import { stockView } from '../use-cases/adjust-stock'
import type { InventoryRouteDeps } from './route-deps'

export const StockViewSchema = t.Object({
  skuId: t.Integer(),
  onHand: t.Integer(),
  reserved: t.Integer(),
  available: t.Integer(),
})

/** Public stock reads (SPEC §4), straight from Redis. */
export const stockRoutes = (deps: InventoryRouteDeps) =>
  new Elysia({ prefix: '/api/inventories', detail: { tags: ['inventory'] } }).get(
    '/:skuId',
    async ({ params }) => {
      const stock = (await deps.store.read([params.skuId])).get(params.skuId)
      if (!stock) throw InventoryErrors.inventoryNotFound()
      return ok(stockView(params.skuId, stock))
    },
    { params: t.Object({ skuId: IdParam.properties.id }), response: Envelope(StockViewSchema) },
  )
