import { describe, expect, test } from 'bun:test'
import { serviceClientBreakerState } from '../../src/service-client'
import { eventually, freshName } from '../../src/testing'
import { clientFor, envelope, errorEnvelope, failureOf, startServer } from './service-client-fixture'

const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'

async function breakerState(client: string): Promise<number | undefined> {
  return (await serviceClientBreakerState.get()).values.find((v) => v.labels.client === client)?.value
}

describe('service client: answers', () => {
  test('when the service answers an envelope, then data comes back and the caller ids went along', async () => {
    await using server = startServer((request) => envelope({ ids: new URL(request.url).searchParams.get('ids') }))
    const client = clientFor(server.url)

    const data = await client.get('/internal/skus', {
      query: { ids: [3, 7] },
      meta: { correlationId: 'req-42', traceparent },
    })

    const [hit] = server.hits
    expect({
      data,
      sent: { path: hit?.path, id: hit?.headers['x-request-id'], trace: hit?.headers['traceparent'] },
    }).toEqual({
      data: { ids: '3,7' },
      sent: { path: '/internal/skus', id: 'req-42', trace: traceparent },
    })
  })

  test('when the service answers a 4xx envelope, then a RemoteError carries its code and nothing is retried', async () => {
    await using server = startServer(() => errorEnvelope(404, 'CATALOG-404-001', 'SKU not found'))
    const client = clientFor(server.url)

    const failure = await failureOf(client.get('/internal/skus', { query: { ids: '9' } }))

    expect({ failure, hits: server.hits.length }).toEqual({
      failure: { name: 'RemoteError', code: 'CATALOG-404-001', status: 404, message: 'SKU not found' },
      hits: 1,
    })
  })

  test('when a non-envelope API answers 4xx in raw mode, then the answer comes back as is', async () => {
    await using server = startServer(() => Response.json({ code: 'REJECT_CARD', message: 'declined' }, { status: 403 }))
    const client = clientFor(server.url)

    const answer = await client.raw('POST', '/v1/payments/confirm', { body: { amount: 1 }, idempotencyKey: 'k-1' })

    expect({ status: answer.status, body: answer.body, key: server.hits[0]?.headers['idempotency-key'] }).toEqual({
      status: 403,
      body: { code: 'REJECT_CARD', message: 'declined' },
      key: 'k-1',
    })
  })
})

describe('service client: slow and busy services', () => {
  test('when the service hangs, then a GET times out per attempt, is retried, and ends ServiceUnavailable', async () => {
    await using server = startServer(() => server.held)
    const client = clientFor(server.url, { unavailableCode: 'ORDER-503-002' })

    const failure = await failureOf(client.get('/internal/skus'))

    expect({ failure, hits: server.hits.length }).toEqual({
      failure: { name: 'ServiceUnavailable', code: 'ORDER-503-002', status: 503, reason: 'timeout' },
      hits: 3,
    })
  })

  test('when the service hangs, then a POST without an Idempotency-Key is sent once and one with a key is retried', async () => {
    await using server = startServer(() => server.held)
    const client = clientFor(server.url)

    const once = await failureOf(client.post('/internal/credentials', { body: { userId: 1 } }))
    const hitsWithoutKey = server.hits.length
    const retried = await failureOf(
      client.post('/internal/credentials', { body: { userId: 1 }, idempotencyKey: 'cred-1' }),
    )

    expect({
      once,
      retried,
      hitsWithoutKey,
      keyed: server.hits.slice(1).map((h) => h.headers['idempotency-key']),
    }).toEqual({
      once: { name: 'ServiceUnavailable', code: 'COMMON-503', status: 503, reason: 'timeout' },
      retried: { name: 'ServiceUnavailable', code: 'COMMON-503', status: 503, reason: 'timeout' },
      hitsWithoutKey: 1,
      keyed: ['cred-1', 'cred-1', 'cred-1'],
    })
  })

  test('when the service answers 503 with Retry-After, then the client waits that long and the retry succeeds', async () => {
    const times: number[] = []
    await using server = startServer((_, n) => {
      times.push(performance.now())
      return n === 1 ? new Response('busy', { status: 503, headers: { 'retry-after': '1' } }) : envelope('fine')
    })
    const client = clientFor(server.url)

    const data = await client.get('/internal/users/1/addresses/2')

    expect({ data, hits: server.hits.length, waitedMs: (times[1] ?? 0) - (times[0] ?? 0) >= 990 }).toEqual({
      data: 'fine',
      hits: 2,
      waitedMs: true,
    })
  })

  test('when Retry-After is longer than the client waits, then the call fails at once instead of retrying early', async () => {
    await using server = startServer(() => new Response(null, { status: 429, headers: { 'retry-after': '120' } }))
    const client = clientFor(server.url)

    const failure = await failureOf(client.get('/internal/skus'))

    expect({ failure, hits: server.hits.length }).toEqual({
      failure: { name: 'ServiceUnavailable', code: 'COMMON-503', status: 503, reason: 'rate-limited' },
      hits: 1,
    })
  })
})

describe('service client: circuit breaker', () => {
  test('when the service is down, then calls fail fast, the breaker opens after N, and closes once it is back', async () => {
    const down = startServer(() => envelope('never'))
    const { port, url } = down
    await down.close()
    const name = freshName('svc-down')
    const client = clientFor(url, { name, retries: 0, breaker: { consecutiveFailures: 3, halfOpenAfterMs: 300 } })

    const started = performance.now()
    const refused = [
      await failureOf(client.get('/x')),
      await failureOf(client.get('/x')),
      await failureOf(client.get('/x')),
    ]
    const refusedMs = performance.now() - started
    await using back = startServer(() => envelope('back'), port)
    const whileOpen = await failureOf(client.get('/x'))
    const hitsWhileOpen = back.hits.length
    const stateWhileOpen = await breakerState(name)
    const recovered = await eventually(() => client.get('/x').catch(() => false), { timeoutMs: 5_000 })

    expect({
      refused: refused.map((f) => f['reason']),
      fast: refusedMs < 300,
      whileOpen,
      hitsWhileOpen,
      stateWhileOpen,
      recovered,
      stateAfter: await breakerState(name),
    }).toEqual({
      refused: ['network', 'network', 'network'],
      fast: true,
      whileOpen: { name: 'ServiceUnavailable', code: 'COMMON-503', status: 503, reason: 'breaker-open' },
      hitsWhileOpen: 0,
      stateWhileOpen: 1,
      recovered: 'back',
      stateAfter: 0,
    })
  })
})
