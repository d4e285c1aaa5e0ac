import { describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { loadGatewayConfig } from '../../gateway/config'
import { readRoutes } from '../../gateway/routes'
import { createKafka } from '../../src/kafka'
import { eventually, freshName, type StackService, tapTopics, testEnv } from '../../src/testing'

// The stack's gateway (nginx from platform/gateway, started by `stack up`), against the stack's running services.
const env = testEnv()
const gateway = env.gatewayUrl
const stackDir = process.env['STACK_DIR'] ?? join(import.meta.dir, '../../../.stack')
const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: freshName('gateway-test') })

const ageMs = (timestamp: string) => Math.abs(Date.now() - Date.parse(timestamp))

/** The gateway's own error: the SPEC §3 envelope with `code`, a current timestamp, and no service behind it. */
async function expectGatewayError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toStartWith('application/json')
  // Every service echoes a traceparent (http-kit); the gateway's own answers have none.
  expect(response.headers.get('traceparent')).toBeNull()
  expect(response.headers.get('x-request-id')).toBeTruthy()
  const body = (await response.json()) as { error: { message: unknown }; timestamp: string }
  expect(body).toMatchObject({ success: false, error: { code } })
  expect(typeof body.error.message).toBe('string')
  expect(ageMs(body.timestamp)).toBeLessThan(60_000)
}

/** One request as raw bytes, so the path reaches nginx exactly as written (fetch would normalise `..`). */
function rawGet(path: string): Promise<string> {
  const { hostname, port } = new URL(gateway)
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`)
    })
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk.toString()
    })
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

describe('gateway routing', () => {
  test('when each prefix of routes.json is called through the gateway, then its service answers as it does directly', async () => {
    for (const route of readRoutes()) {
      const direct = await fetch(`${env.serviceUrl(route.service as StackService)}${route.prefix}`)
      const through = await fetch(`${gateway}${route.prefix}`)
      expect({ prefix: route.prefix, status: through.status }).toEqual({ prefix: route.prefix, status: direct.status })
      expect(through.headers.get('traceparent')).toBeTruthy()
      await direct.body?.cancel()
      await through.body?.cancel()
    }
  })

  test('when a public read goes through the gateway, then the body is the service envelope', async () => {
    const response = await fetch(`${gateway}/api/products?size=1`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ success: true, data: { size: 1 } })
    const jwks = await fetch(`${gateway}/.well-known/jwks.json`)
    expect(((await jwks.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0)
  })

  test('when /internal/* or an unrouted path is called, then 404 COMMON-404 from the gateway', async () => {
    await expectGatewayError(await fetch(`${gateway}/internal/credentials/1`), 404, 'COMMON-404')
    await expectGatewayError(await fetch(`${gateway}/health/ready`), 404, 'COMMON-404')
    await expectGatewayError(await fetch(`${gateway}/api/authx`), 404, 'COMMON-404')
    await expectGatewayError(await fetch(`${gateway}/api/auth/..%2Finternal/credentials/1`), 404, 'COMMON-404')
  })

  test('when a routed prefix is followed by dot segments to /internal, then 404 and nothing reaches the service', async () => {
    for (const path of ['/api/auth/../../internal/credentials/1', '/api/users/%2e%2e/%2e%2e/internal/x']) {
      const answer = await rawGet(path)
      expect(answer).toStartWith('HTTP/1.1 404')
      expect(answer).toContain('"code":"COMMON-404"')
      expect(answer.toLowerCase()).not.toContain('traceparent')
    }
  })

  test('when a body is larger than the limit, then 413 COMMON-413 from the gateway', async () => {
    const body = JSON.stringify({ note: 'x'.repeat(1_100_000) })
    const response = await fetch(`${gateway}/api/users/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    await expectGatewayError(response, 413, 'COMMON-413')
  })
})

describe('gateway CORS', () => {
  // The origins the stack's gateway runs with (GATEWAY_CORS_ORIGINS, else the default list).
  const allowed = loadGatewayConfig().corsOrigins[0] ?? 'http://localhost:5173'

  test('when an allowed origin calls, then it gets CORS headers for itself; an unknown origin gets none', async () => {
    const ok = await fetch(`${gateway}/api/products?size=1`, { headers: { origin: allowed } })
    expect(ok.headers.get('access-control-allow-origin')).toBe(allowed)
    expect(ok.headers.get('access-control-expose-headers')).toContain('X-Request-Id')
    const unknown = await fetch(`${gateway}/api/products?size=1`, { headers: { origin: 'https://evil.example' } })
    expect(unknown.status).toBe(200)
    const cors = [...unknown.headers.keys()].filter((name) => name.startsWith('access-control-'))
    expect(cors).toEqual([])
  })

  test('when an allowed origin sends a preflight, then 204 with the methods and headers a client needs', async () => {
    const response = await fetch(`${gateway}/api/orders`, {
      method: 'OPTIONS',
      headers: {
        origin: allowed,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed)
    expect(response.headers.get('access-control-allow-methods')).toContain('POST')
    for (const header of ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'traceparent']) {
      expect(response.headers.get('access-control-allow-headers')).toContain(header)
    }
    const unknown = await fetch(`${gateway}/api/orders`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(unknown.headers.get('access-control-allow-origin')).toBeNull()
    expect(unknown.headers.get('access-control-allow-methods')).toBeNull()
  })
})

describe('gateway ids', () => {
  test('when a request carries X-Request-Id and traceparent, then both reach the service, its log line, the causationid and the trace of its events', async () => {
    await using tap = await tapTopics(kafka, ['commerce.user.events'])
    const requestId = `gw-${crypto.randomUUID()}`
    const traceparent = `00-${crypto.randomUUID().replaceAll('-', '')}-${'a1'.repeat(8)}-01`
    const email = `${freshName('gw')}@gateway.example.com`.toLowerCase()
    const response = await fetch(`${gateway}/api/users/register`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
        'x-request-id': requestId,
        traceparent,
      },
      body: JSON.stringify({ email, password: 'gw-pass-1234', name: 'Gateway Test' }),
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('x-request-id')).toBe(requestId)
    // The trace goes on: same trace id; the parent id is the service's own server span (or the caller's, tracing off).
    const traceId = traceparent.split('-')[1]
    expect(response.headers.get('traceparent')?.split('-')[1]).toBe(traceId)

    const event = await eventually(
      () => {
        const found = tap.records
          .map((record) => JSON.parse(record.value ?? '{}'))
          .find((value) => value.type === 'user.registered' && value.data?.email === email)
        return found ?? false
      },
      { what: `user.registered for ${email}` },
    )
    expect(event.causationid).toBe(requestId)
    expect(String(event.traceparent).split('-')[1]).toBe(traceId)

    const log = join(stackDir, 'logs', 'svc-user.log')
    await eventually(() => readFileSync(log, 'utf8').includes(`"requestId":"${requestId}"`), {
      what: `${requestId} in ${log}`,
    })
  })

  test('when a request comes without X-Request-Id, then the gateway makes one and the service echoes it', async () => {
    const response = await fetch(`${gateway}/api/products?size=1`)
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/)
    await response.body?.cancel()
  })
})
