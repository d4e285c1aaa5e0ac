// The baseline for bench/stock-read.ts: a bare Bun.serve doing what GET /api/inventories/{skuId} must do and nothing
// else — one MGET of the same keys over ioredis (same client options as the service) and the same envelope.
// Prints "listening <port>".
import { Redis } from 'ioredis'

const redis = new Redis(process.env['REDIS_URL'] ?? '', { maxRetriesPerRequest: 2, connectTimeout: 2000 })
const headers = { 'content-type': 'application/json;charset=utf-8' }
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers })

const server = Bun.serve({
  port: 0,
  routes: {
    '/api/inventories/:skuId': {
      GET: async (request) => {
        const skuId = Number(request.params.skuId)
        if (!Number.isSafeInteger(skuId) || skuId < 1) return json(400, { success: false })
        const [available, reserved] = await redis.mget(
          `inventory:stock:${skuId}`,
          `inventory:reserved:${skuId}`,
          'inventory:ready',
        )
        if (available == null) return json(404, { success: false })
        const a = Number(available)
        const r = reserved ? Number(reserved) : 0
        const data = { skuId, onHand: a + r, reserved: r, available: a }
        return json(200, { success: true, data, timestamp: new Date().toISOString() })
      },
    },
  },
})
console.log(`listening ${server.port}`)
