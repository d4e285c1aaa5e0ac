import { describe, expect, test } from 'bun:test'
import { Elysia, t } from 'elysia'
import { createLocalJWKSet, exportJWK, generateKeyPair } from 'jose'
import { createDb } from '../db/index'
import { createLogger } from '../log/index'
import { eventually } from '../testing/eventually'
import { Id, IdParam } from './bounded'
import { createHttpApp } from './create-http-app'
import { Envelope, type ErrorBody, ok } from './envelope'
import { httpKit } from './http-kit'
import { idempotency } from './idempotency'
import { jwtAuth } from './jwt-auth'

const app = createHttpApp({ name: 'demo', version: '1.2.3', checks: { db: async () => {} } })
  .get('/api/demo/:id', ({ params }) => ok({ id: params.id }), { response: Envelope(t.Object({ id: t.String() })) })
  .get('/api/static', () => ok())
  .put('/api/static', () => ok())
  .get('/api/orders/:orderId/lines/:lineId', ({ params }) => ok(params), {
    params: t.Object({ orderId: Id(), lineId: Id({ maximum: 3 }) }),
  })
  .get('/api/items/:id', ({ params }) => ok(params), { params: IdParam })
const send = (path: string, init?: RequestInit) => app.handle(new Request(`http://localhost${path}`, init))

describe('createHttpApp', () => {
  test('when a known path is called with an unsupported method, then 405 COMMON-405 with Allow', async () => {
    const res = await send('/api/demo/1', { method: 'DELETE' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET')
    expect(((await res.json()) as { error: unknown }).error).toEqual({
      code: 'COMMON-405',
      message: 'Method not allowed',
    })
  })

  test('when a static path (with or without a trailing slash) is called with another method, then 405 lists both', async () => {
    const [exact, loose] = await Promise.all([
      send('/api/static', { method: 'POST' }),
      send('/api/static/', { method: 'DELETE' }),
    ])
    expect([exact.status, exact.headers.get('allow'), loose.status, loose.headers.get('allow')]).toEqual([
      405,
      'GET, PUT',
      405,
      'GET, PUT',
    ])
  })

  test('when two path params carry the same value and only the second breaks its bounds, then the second is named', async () => {
    const res = await send('/api/orders/5/lines/5')
    expect([res.status, ((await res.json()) as ErrorBody).error.fieldErrors]).toEqual([
      400,
      [{ field: 'lineId', value: 5, reason: 'Expected integer to be less or equal to 3' }],
    ])
  })

  test('when an id is 1e23 or 2^53, then 400 naming id, never a query with a rounded number', async () => {
    const responses = await Promise.all([send('/api/items/1e23'), send('/api/items/9007199254740992')])
    const fields = await Promise.all(responses.map(async (r) => ((await r.json()) as ErrorBody).error.fieldErrors))
    expect([responses.map((r) => r.status), fields.map((f) => f?.map((e) => e.field))]).toEqual([
      [400, 400],
      [['id'], ['id']],
    ])
  })

  test('when an unknown path is called, then it is still 404', async () => {
    expect((await send('/api/nothing', { method: 'DELETE' })).status).toBe(404)
  })

  test('when the OpenAPI document is fetched, then it documents the route with its envelope schema', async () => {
    const res = await send('/openapi/json')
    const doc = (await res.json()) as {
      info: { title: string; version: string }
      paths: Record<string, { get?: { responses: Record<string, { content: unknown }> } }>
    }
    expect(doc.info).toMatchObject({ title: 'demo', version: '1.2.3' })
    const schema = JSON.stringify(doc.paths['/api/demo/{id}']?.get?.responses['200'])
    expect(schema).toContain('"success"')
    expect(schema).toContain('"timestamp"')
  })

  test('when the OpenAPI UI is fetched, then it is HTML', async () => {
    const res = await send('/openapi')
    expect([res.status, res.headers.get('content-type')?.startsWith('text/html')]).toEqual([200, true])
  })

  test('when metrics are scraped, then the Prometheus text format is served', async () => {
    const res = await send('/metrics')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/plain')
    expect(await res.text()).toContain('# TYPE http_server_request_duration_seconds histogram')
  })

  test('when every check passes, then live and ready are 200', async () => {
    const [live, ready] = await Promise.all([send('/health/live'), send('/health/ready')])
    expect([live.status, ready.status]).toEqual([200, 200])
    expect(((await ready.json()) as { data: unknown }).data).toEqual({ status: 'UP', checks: { db: 'UP' } })
  })
})

describe('logging', () => {
  test('when the access log is on, then each request is one info line on the service logger; a 500 is logged there too', async () => {
    const chunks: string[] = []
    const logger = createLogger(
      { service: 'demo' },
      { level: 'info', destination: { write: (c: string) => void chunks.push(c) } },
    )
    const logged = createHttpApp({ name: 'demo', version: '1', logger, accessLog: true }).get('/boom', () => {
      throw new Error('boom')
    })
    await logged.handle(new Request('http://localhost/health/live', { headers: { 'x-request-id': 'req-live' } }))
    await logged.handle(new Request('http://localhost/boom', { headers: { 'x-request-id': 'req-boom' } }))
    const lines = await eventually(() => {
      const parsed = chunks.map((c) => JSON.parse(c) as Record<string, unknown>)
      return parsed.length >= 3 && parsed
    })
    // Access lines are written after the response, on a later turn: compare them in a fixed order.
    const picked = lines.map(({ level, msg, service, requestId, route, status }) => ({
      level,
      msg,
      service,
      requestId,
      route,
      status,
    }))
    picked.sort((a, b) => `${a.requestId}${a.msg}`.localeCompare(`${b.requestId}${b.msg}`))
    expect(picked).toEqual([
      { level: 'info', msg: 'request', service: 'demo', requestId: 'req-boom', route: '/boom', status: '500' },
      {
        level: 'error',
        msg: 'request failed',
        service: 'demo',
        requestId: 'req-boom',
        route: undefined,
        status: undefined,
      },
      { level: 'info', msg: 'request', service: 'demo', requestId: 'req-live', route: '/health/live', status: '200' },
    ])
  })
})

describe('a service composed from route plugins', () => {
  test('when a mounted plugin declares auth and idempotency, then its routes get the shared error envelope', async () => {
    const { publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
    const keySet = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'EdDSA' }] })
    // Never connects: the 401 comes first.
    const { db } = createDb({ url: 'mysql://nobody@127.0.0.1:1/unused' })
    const orderRoutes = new Elysia({ prefix: '/api/orders' })
      .use(httpKit)
      .use(jwtAuth({ keySet, issuer: 'commerce-auth', audience: 'commerce' }))
      .use(idempotency({ db }))
      .post(
        '/',
        ({ user, meta, status }) => status(201, ok({ owner: user.userId, correlationId: meta.correlationId })),
        {
          auth: true,
          idempotent: true,
          body: t.Object({ skuId: t.Integer() }),
          response: { 201: Envelope(t.Object({ owner: t.Integer(), correlationId: t.String() })) },
        },
      )
    const service = createHttpApp({ name: 'order', version: '0.0.0' }).use(orderRoutes)
    const res = await service.handle(
      new Request('http://localhost/api/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' },
        body: '{"skuId":1}',
      }),
    )
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: unknown }).error).toEqual({
      code: 'COMMON-401-001',
      message: 'Authentication required',
    })
  })
})
