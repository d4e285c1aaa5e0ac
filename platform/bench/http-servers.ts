// One HTTP server variant of the http-kit benchmark, in a process of its own (the driver starts three of them):
//   bun platform/bench/http-servers.ts bare|bare+ids|elysia|elysia+ids|kit   prints `listening <port>` once it serves.
// All three answer `GET /items/:id` with ok({ id }) and a validated `POST /items` with 201 ok(body).
import { Elysia, t } from 'elysia'
import { acceptRequestId, acceptTraceparent, createHttpApp, ok } from '../src/http'
import { createLogger } from '../src/log'

const ItemBody = t.Object({ name: t.String({ minLength: 1, maxLength: 100 }), quantity: t.Integer({ minimum: 1 }) })
type Item = typeof ItemBody.static

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

// The same fields checked by hand: what the TypeBox schema costs is part of what Elysia is measured for.
function validItem(body: unknown): body is Item {
  if (body === null || typeof body !== 'object') return false
  const { name, quantity } = body as Record<string, unknown>
  return (
    typeof name === 'string' &&
    name.length >= 1 &&
    name.length <= 100 &&
    Number.isInteger(quantity) &&
    (quantity as number) >= 1
  )
}

function bare(): number {
  const server = Bun.serve({
    port: 0,
    routes: {
      '/items/:id': { GET: (req) => json(ok({ id: req.params.id })) },
      '/items': {
        POST: async (req) => {
          const body: unknown = await req.json().catch(() => undefined)
          if (!validItem(body)) return json({ success: false }, 400)
          return json(ok(body), 201)
        },
      },
    },
  })
  return server.port ?? 0
}

// The bare server doing the ids SPEC §3 requires: what reading and echoing them costs on Bun alone.
function bareWithIds(): number {
  const withIds = (req: Request, response: Response) => {
    response.headers.set('x-request-id', acceptRequestId(req.headers.get('x-request-id')))
    response.headers.set('traceparent', acceptTraceparent(req.headers.get('traceparent')))
    return response
  }
  const server = Bun.serve({
    port: 0,
    routes: {
      '/items/:id': { GET: (req) => withIds(req, json(ok({ id: req.params.id }))) },
      '/items': {
        POST: async (req) => {
          const body: unknown = await req.json().catch(() => undefined)
          if (!validItem(body)) return withIds(req, json({ success: false }, 400))
          return withIds(req, json(ok(body), 201))
        },
      },
    },
  })
  return server.port ?? 0
}

function plainElysia(): number {
  const app = new Elysia()
    .get('/items/:id', ({ params }) => ok({ id: params.id }))
    .post('/items', ({ body, status }) => status(201, ok(body)), { body: ItemBody })
    .listen({ port: 0 })
  return app.server?.port ?? 0
}

// Only the ids SPEC §3 requires on every request, on plain Elysia: no metrics, no error mapping, no meta.
function elysiaWithIds(): number {
  const app = new Elysia()
    .onRequest(({ request, set }) => {
      set.headers['x-request-id'] = acceptRequestId(request.headers.get('x-request-id'))
      set.headers['traceparent'] = acceptTraceparent(request.headers.get('traceparent'))
    })
    .get('/items/:id', ({ params }) => ok({ id: params.id }))
    .post('/items', ({ body, status }) => status(201, ok(body)), { body: ItemBody })
    .listen({ port: 0 })
  return app.server?.port ?? 0
}

function kit(): number {
  // The production defaults: info level, no access log (so debug lines must cost nothing).
  const logger = createLogger({ service: 'bench' }, 'info')
  const app = createHttpApp({ name: 'bench', version: '0.0.0', logger })
    .get('/items/:id', ({ params }) => ok({ id: params.id }))
    .post('/items', ({ body, status }) => status(201, ok(body)), { body: ItemBody })
    .listen({ port: 0 })
  return app.server?.port ?? 0
}

const variants: Record<string, () => number> = {
  bare,
  'bare+ids': bareWithIds,
  elysia: plainElysia,
  'elysia+ids': elysiaWithIds,
  kit,
}
const start = variants[process.argv[2] ?? '']
if (!start) throw new Error(`usage: http-servers.ts ${Object.keys(variants).join('|')}`)
console.log(`listening ${start()}`)
