import { Envelope, ok } from '@commerce/platform/http'
import type { RedisClient } from '@commerce/platform/redis'
import { Elysia } from 'elysia'
import type { Redis } from 'ioredis'
import type { InventoryRouteDeps } from './route-deps'
import { stockReads } from './stock-reads'
import { BulkBody, BulkView, StockViewSchema, skuIdOf, skuIdParameter } from './stock-schemas'

export { StockViewSchema } from './stock-schemas'

/**
 * The reads' own connection, with ioredis auto-pipelining: the MGETs of concurrent requests leave in one write per
 * event-loop turn instead of one each (bench/stock-read.ts: about a third less CPU per read). It closes when the
 * service's client does; outages are reported by that client (once), failing reads answer 5xx.
 */
function pipelinedClient(redis: RedisClient): Redis {
  const client = redis.duplicate({ enableAutoPipelining: true })
  client.on('error', () => undefined)
  redis.once('end', () => client.disconnect())
  return client
}

/**
 * Public stock reads (SPEC §4), straight from Redis. The one-SKU read is the service's hot path: one MGET, one
 * envelope, no auth plugin in front of it (mount this plugin before any that uses jwtAuth: its derive is global).
 */
export const stockRoutes = (deps: Pick<InventoryRouteDeps, 'redis'>) => {
  const reads = stockReads(pipelinedClient(deps.redis))
  return new Elysia({ prefix: '/api/inventories', detail: { tags: ['inventory'] } })
    .get('/:skuId', async ({ params }) => ok(await reads.one(skuIdOf(params.skuId))), {
      response: Envelope(StockViewSchema),
      detail: {
        summary: 'One SKU: {skuId, onHand, reserved, available}; unknown → 404 INVENTORY-404-002',
        parameters: [skuIdParameter],
      },
    })
    .post('/bulk', async ({ body }) => ok({ inventories: await reads.many(body.skuIds) }), {
      body: BulkBody,
      response: Envelope(BulkView),
      detail: { summary: 'Up to 100 SKUs, each once; unknown ones as zeros with known: false' },
    })
}
