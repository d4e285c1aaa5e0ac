import { afterEach, describe, expect, spyOn, test } from 'bun:test'
import { SpanKind, SpanStatusCode } from '@opentelemetry/api'
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base'
import { Elysia, t } from 'elysia'
import { registry } from '../metrics/index'
import { setupTracing } from '../tracing/index'
import { AppError } from './app-error'
import { CommonErrors } from './common-errors'
import { Envelope, type ErrorBody, type OkBody, ok } from './envelope'
import { httpKit, maxBodyBytes } from './http-kit'

const app = new Elysia()
  .use(httpKit)
  .get('/items/:id', ({ params, requestId, traceparent, meta }) => ok({ id: params.id, requestId, traceparent, meta }))
  .post('/items', ({ body, status }) => status(201, ok(body)), {
    body: t.Object({
      name: t.String({ minLength: 1 }),
      password: t.Optional(t.String({ minLength: 8 })),
      lines: t.Array(t.Object({ quantity: t.Integer({ minimum: 1 }) })),
    }),
  })
  .get('/orders/:id', ({ params }) => ok(params), { params: t.Object({ id: t.Integer({ minimum: 1 }) }) })
  .get('/conflict', () => {
    throw new AppError('ORDER-409-006', 'Order cannot be cancelled', { details: 'Order is PAID' })
  })
  .get('/forbidden', () => {
    throw CommonErrors.forbidden()
  })
  .get('/boom', () => {
    throw new Error('connect ECONNREFUSED 10.0.0.7:3306 password=hunter2')
  })
  .get('/duplicate', () => {
    throw dbError('ER_DUP_ENTRY', 1062, "Duplicate entry 'kim@example.com' for key 'users_email'")
  })
  .get('/too-long', () => {
    throw dbError('ER_DATA_TOO_LONG', 1406, "Data too long for column 'body' at row 1")
  })
  .get('/out-of-range', () => {
    throw dbError('ER_WARN_DATA_OUT_OF_RANGE', 1264, "Out of range value for column 'quantity' at row 1")
  })
  .get('/wrong-shape', () => ok({ id: 7 }) as never, { response: Envelope(t.Object({ id: t.String() })) })

/** A mysql2 error as Drizzle throws it: `Failed query: …\nparams: …` with the driver error as cause. */
function dbError(code: string, errno: number, message: string): Error {
  const driver = Object.assign(new Error(message), { code, errno })
  return new Error('Failed query: insert into `users` (`email`) values (?)\nparams: kim@example.com', { cause: driver })
}

const send = (path: string, init?: RequestInit) => app.handle(new Request(`http://localhost${path}`, init))
const postJson = (path: string, body: string) =>
  send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
const iso = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
const traceparentFormat = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/

afterEach(() => {
  spyOn(process.stdout, 'write').mockRestore()
})

describe('envelope', () => {
  test('when a handler returns ok(data), then the body is the success envelope with an ISO UTC timestamp', async () => {
    const res = await postJson('/items', '{"name":"mug","lines":[{"quantity":2}]}')
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ success: true, data: { name: 'mug', lines: [{ quantity: 2 }] }, timestamp: iso })
  })
})

describe('error mapping', () => {
  test('when an AppError is thrown, then its code decides the status and the body is the error envelope', async () => {
    const res = await send('/conflict')
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual({
      success: false,
      error: { code: 'ORDER-409-006', message: 'Order cannot be cancelled', details: 'Order is PAID' },
      timestamp: iso,
    })
  })

  test('when a 403 is thrown, then it uses the same envelope as every other error', async () => {
    const res = await send('/forbidden')
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({
      success: false,
      error: { code: 'COMMON-403', message: 'Access denied' },
      timestamp: iso,
    })
  })

  test('when the body fails validation, then 400 COMMON-400-004 lists each field, masking secrets', async () => {
    const res = await postJson('/items', '{"name":"","password":"short","lines":[{"quantity":0}]}')
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      success: false,
      error: {
        code: 'COMMON-400-004',
        message: 'Validation failed',
        fieldErrors: [
          { field: 'name', value: '', reason: 'Expected string length greater or equal to 1' },
          { field: 'password', value: '[REDACTED]', reason: 'Expected string length greater or equal to 8' },
          { field: 'lines[0].quantity', value: 0, reason: 'Expected integer to be greater or equal to 1' },
        ],
      },
      timestamp: iso,
    })
  })

  test('when a required field is missing or has the wrong type, then it is a 400 naming that field', async () => {
    const res = await postJson('/items', '{"lines":[{"quantity":"two"}]}')
    const body = (await res.json()) as ErrorBody
    expect(res.status).toBe(400)
    expect(body.error.fieldErrors).toEqual([
      { field: 'name', value: null, reason: 'Required' },
      { field: 'lines[0].quantity', value: 'two', reason: 'Expected integer' },
    ])
  })

  test('when a coerced path parameter breaks its bounds, then the 400 still names the parameter', async () => {
    const res = await send('/orders/0')
    expect(res.status).toBe(400)
    expect(((await res.json()) as ErrorBody).error.fieldErrors).toEqual([
      { field: 'id', value: 0, reason: 'Expected integer to be greater or equal to 1' },
    ])
  })

  test('when the JSON body is malformed, then 400 COMMON-400-001', async () => {
    const res = await postJson('/items', '{"name": "mug",')
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      success: false,
      error: { code: 'COMMON-400-001', message: 'Malformed JSON request body', details: 'Invalid request body' },
      timestamp: iso,
    })
  })

  // Found by the fuzz tier (e2e/fuzz): 50 000 nested brackets held a service for 25 s, then answered 500.
  test.each([
    ['nested past the limit', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, 'COMMON-400-001'],
    ['an array', '[{"name": "mug", "lines": []}]', 'COMMON-400-004'],
    ['a bare number', '42', 'COMMON-400-004'],
  ])('when the JSON body is %s, then 400 %s at once', async (_, body, code) => {
    const started = performance.now()
    const res = await postJson('/items', body)
    expect([res.status, ((await res.json()) as ErrorBody).error.code]).toEqual([400, code])
    expect(performance.now() - started).toBeLessThan(1000)
  })

  test('when no route matches, then 404 COMMON-404', async () => {
    const res = await send('/nowhere')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      success: false,
      error: { code: 'COMMON-404', message: 'No route matches this path' },
      timestamp: iso,
    })
  })

  test('when a handler throws an unknown error, then 500 COMMON-500 with a generic message, logged with the request id', async () => {
    const stdout = spyOn(process.stdout, 'write').mockImplementation(() => true)
    const res = await send('/boom', { headers: { 'x-request-id': 'req-boom-1' } })
    const text = await res.text()
    const logged = stdout.mock.calls.map(([line]) => JSON.parse(String(line)))
    stdout.mockRestore()
    expect(res.status).toBe(500)
    expect(JSON.parse(text)).toEqual({
      success: false,
      error: { code: 'COMMON-500', message: 'Internal server error' },
      timestamp: iso,
    })
    expect(text).not.toContain('hunter2')
    expect(logged).toContainEqual(
      expect.objectContaining({ level: 'error', requestId: 'req-boom-1', path: '/boom', method: 'GET' }),
    )
  })

  test('when the database rejects a duplicate or a too long or out of range value, then 409 or 400, never a 500', async () => {
    const responses = await Promise.all(['/duplicate', '/too-long', '/out-of-range'].map((path) => send(path)))
    const texts = await Promise.all(responses.map((r) => r.text()))
    expect(responses.map((r, i) => [r.status, (JSON.parse(texts[i] ?? '') as ErrorBody).error.code])).toEqual([
      [409, 'COMMON-409'],
      [400, 'COMMON-400'],
      [400, 'COMMON-400'],
    ])
    expect(texts.join()).not.toContain('kim@example.com')
  })

  test('when a handler returns a body that breaks its response schema, then it is our 500, not the caller’s 400', async () => {
    spyOn(process.stdout, 'write').mockImplementation(() => true)
    const res = await send('/wrong-shape')
    expect(res.status).toBe(500)
    expect(((await res.json()) as ErrorBody).error.code).toBe('COMMON-500')
  })
})

describe('server span', () => {
  const record = () => {
    const exporter = new InMemorySpanExporter()
    const base = { enabled: true, serviceName: 'unit', endpoint: undefined, sampleRatio: 1, batchDelayMs: 10 }
    const tracing = setupTracing({ ...base, exporter })
    return { tracing, exporter }
  }

  test('when tracing records and the caller sends a traceparent, then the echoed one is the server span, its child', async () => {
    const { tracing, exporter } = record()
    const caller = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'
    const res = await send('/items/42', { headers: { traceparent: caller } })
    const echoed = res.headers.get('traceparent') ?? ''
    const { data } = (await res.json()) as OkBody<{ traceparent: string; meta: { traceparent: string } }>
    await tracing.flush()
    const [span] = exporter.getFinishedSpans()
    await tracing.shutdown()
    expect({
      echoed: echoed.split('-').slice(0, 2),
      seenByHandler: [data.traceparent, data.meta.traceparent],
      span: span && {
        name: span.name,
        kind: span.kind,
        id: span.spanContext().spanId,
        parent: span.parentSpanContext?.spanId,
        route: span.attributes['http.route'],
        status: span.attributes['http.response.status_code'],
      },
    }).toEqual({
      echoed: ['00', '4bf92f3577b34da6a3ce929d0e0e4736'],
      seenByHandler: [echoed, echoed],
      span: {
        name: 'GET /items/:id',
        kind: SpanKind.SERVER,
        id: echoed.split('-')[2] ?? '',
        parent: '00f067aa0ba902b7',
        route: '/items/:id',
        status: 200,
      },
    })
  })

  test('when a request fails with a 5xx, then its span ends as an error; a new trace starts without a traceparent', async () => {
    const { tracing, exporter } = record()
    spyOn(process.stdout, 'write').mockImplementation(() => true)
    const res = await send('/boom')
    await tracing.flush()
    const [span] = exporter.getFinishedSpans()
    await tracing.shutdown()
    expect({
      status: span?.status.code,
      root: span?.parentSpanContext,
      echoed: res.headers.get('traceparent'),
    }).toEqual({
      status: SpanStatusCode.ERROR,
      root: undefined,
      echoed: `00-${span?.spanContext().traceId}-${span?.spanContext().spanId}-01`,
    })
  })
})

describe('request id and traceparent', () => {
  test('when the caller sends X-Request-Id and a valid traceparent, then both are echoed and reach meta', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'
    const res = await send('/items/42', { headers: { 'x-request-id': 'req-42', traceparent } })
    expect(res.headers.get('x-request-id')).toBe('req-42')
    expect(res.headers.get('traceparent')).toBe(traceparent)
    const { data } = (await res.json()) as OkBody<unknown>
    expect(data).toEqual({
      id: '42',
      requestId: 'req-42',
      traceparent,
      meta: { now: iso, correlationId: 'req-42', causationId: 'req-42', traceparent },
    })
  })

  test('when the caller sends neither, then a UUIDv7 request id and a new traceparent are created and echoed', async () => {
    const res = await send('/items/1')
    const requestId = res.headers.get('x-request-id') ?? ''
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(res.headers.get('traceparent')).toMatch(traceparentFormat)
    expect(((await res.json()) as OkBody<{ requestId: string }>).data.requestId).toBe(requestId)
  })

  test('when the traceparent or request id is malformed, then new ones replace them', async () => {
    const bad = '00-00000000000000000000000000000000-00f067aa0ba902b7-01'
    const res = await send('/items/1', { headers: { traceparent: bad, 'x-request-id': 'has spaces; and junk' } })
    expect(res.headers.get('traceparent')).toMatch(traceparentFormat)
    expect(res.headers.get('traceparent')).not.toBe(bad)
    expect(res.headers.get('x-request-id')).not.toBe('has spaces; and junk')
  })

  test('when the request fails before routing (404, malformed JSON), then the ids are still echoed', async () => {
    const notFound = await send('/nowhere', { headers: { 'x-request-id': 'req-404' } })
    const malformed = await send('/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-400' },
      body: '{',
    })
    expect([notFound.headers.get('x-request-id'), malformed.headers.get('x-request-id')]).toEqual([
      'req-404',
      'req-400',
    ])
    expect(malformed.headers.get('traceparent')).toMatch(traceparentFormat)
  })
})

describe('metrics', () => {
  test('when a request is served, then its duration is recorded under the route template, not the raw path', async () => {
    await send('/items/987654')
    // Elysia runs afterResponse hooks on a later turn of the event loop; yield until ours has run.
    let text = ''
    for (let turn = 0; turn < 50 && !text.includes('/items/:id'); turn++) {
      await new Promise(setImmediate)
      text = await registry.getSingleMetricAsString('http_server_request_duration_seconds')
    }
    expect(text).toContain('route="/items/:id"')
    expect(text).not.toContain('987654')
    // Seconds, not milliseconds: a local request lands in the sub-second buckets.
    const fastest = text.split('\n').find((l) => l.includes('route="/items/:id"') && l.includes('le="0.25"'))
    expect(Number(fastest?.split(' ').at(-1))).toBeGreaterThanOrEqual(1)
  })
})

describe('oversize and huge input', () => {
  test('when a body declares more than the limit, then 413 COMMON-413 in the envelope, ids echoed, nothing parsed', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(maxBodyBytes + 1), lines: [] })

    const res = await send('/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(huge.length) },
      body: huge,
    })

    expect({ status: res.status, code: ((await res.json()) as ErrorBody).error.code }).toEqual({
      status: 413,
      code: 'COMMON-413',
    })
    expect(res.headers.get('x-request-id')).toBeTruthy()
  })

  test('when a rejected value is a long string or an object, then the error echoes at most 100 characters or a summary', async () => {
    const res = await postJson('/items', JSON.stringify({ name: { a: 1 }, lines: [{ quantity: 'x'.repeat(5000) }] }))
    const body = (await res.json()) as ErrorBody

    expect(res.status).toBe(400)
    expect(JSON.stringify(body).length).toBeLessThan(1000)
    expect(body.error.fieldErrors?.map((f) => f.value)).toEqual(['[object]', `${'x'.repeat(100)}…`])
  })
})
