import { describe, expect, test } from 'bun:test'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { type StackService, testEnv } from '@commerce/platform/testing'
import { registerBuyer } from '../src/actors'
import { codeOf, type Reply } from '../src/client'
import { throughGateway } from '../src/front-door'

const answer = (reply: Reply) => `${reply.status} ${codeOf(reply)}`

// What only the services' neighbours may call, and the ways a path can be bent to reach it through a routed prefix:
// dot segments, encoded (once and twice) dots and slashes, backslashes, case, doubled slashes, an absolute-form target.
const probes: { method?: string; path: string }[] = [
  { method: 'POST', path: '/internal/credentials' },
  { path: '/internal/users/1/addresses/1' },
  { path: '/internal/skus?ids=1' },
  { path: '/metrics' },
  { path: '/health/live' },
  { path: '/health/ready' },
  { path: '/api/orders/../../internal/skus?ids=1' },
  { path: '/api/orders/%2e%2e/%2e%2e/internal/skus?ids=1' },
  { path: '/api/orders/%2E%2E%2F%2E%2E%2Finternal%2Fskus?ids=1' },
  { path: '/api/orders%2f..%2f..%2finternal/skus?ids=1' },
  { path: '/api/orders/%252e%252e/%252e%252e/internal/skus?ids=1' },
  { path: '/api/users/..\\..\\internal/users/1/addresses/1' },
  { path: '/api/users/.%2e/.%2e/internal/users/1/addresses/1' },
  { path: '/api/auth/../../metrics' },
  { path: '/api/products/./../../health/ready' },
  { path: '/.well-known/../internal/skus?ids=1' },
  { path: '//internal/skus?ids=1' },
  { path: '/./internal/skus?ids=1' },
  { path: '/INTERNAL/skus?ids=1' },
  { path: '/Internal/credentials' },
  { path: '/internal%2fskus?ids=1' },
  { path: `${testEnv().serviceUrl('catalog')}/internal/skus?ids=1` },
  // The PG sandbox's API and its fault switches: the payment service's neighbour, never routed.
  { method: 'PUT', path: '/sandbox/faults/pk_probe/cancel' },
  { method: 'POST', path: '/v1/payments/confirm' },
  { path: '/v1/payments/orders/ORD-1' },
]

const stackServices: StackService[] = ['auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'pg-sandbox']

/** Whether anything accepts a TCP connection at host:port ('refused' when nothing listens there). */
const tcpAnswer = (host: string, port: number) =>
  new Promise<'open' | 'refused'>((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 })
    socket.once('connect', () => {
      socket.destroy()
      resolve('open')
    })
    socket.once('error', () => resolve('refused'))
    socket.once('timeout', () => {
      socket.destroy()
      resolve('refused')
    })
  })

describe('attacks: internal endpoints', () => {
  test('when /internal/*, /metrics, /health/* or the sandbox are asked for through the gateway, however the path is bent, then 404 COMMON-404', async () => {
    const answers = await Promise.all(
      probes.map(async ({ method = 'GET', path }) => [
        `${method} ${path}`,
        answer(await throughGateway(path, { method })),
      ]),
    )

    expect(Object.fromEntries(answers)).toEqual(
      Object.fromEntries(probes.map(({ method = 'GET', path }) => [`${method} ${path}`, '404 COMMON-404'])),
    )
  })

  test("when the test-only stock fault switch is called through the gateway without the admin's role, then 401 or 403", async () => {
    const buyer = await registerBuyer()
    const body = { confirmFails: true }

    const anonymous = await throughGateway('/api/inventories/1/faults', { method: 'PUT', body })
    const asBuyer = await throughGateway('/api/inventories/1/faults', { method: 'PUT', body, token: buyer.token })

    expect([answer(anonymous), answer(asBuyer)]).toEqual(['401 COMMON-401-001', '403 COMMON-403'])
  })

  test("when the services' ports are tried on this machine's other addresses, then nothing answers: the gateway is the one front door", async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal && a.family === 'IPv4')
      .map((a) => a?.address ?? '')
    const env = testEnv()
    const ports = stackServices.map((service) => Number(new URL(env.serviceUrl(service)).port))

    const tried = await Promise.all(
      external.flatMap((host) => ports.map(async (port) => [`${host}:${port}`, await tcpAnswer(host, port)] as const)),
    )

    expect(Object.fromEntries(tried)).toEqual(Object.fromEntries(tried.map(([where]) => [where, 'refused'])))
  })
})
