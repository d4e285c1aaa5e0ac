import { afterAll, describe, expect, spyOn, test } from 'bun:test'
import { Elysia, t } from 'elysia'
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose'
import { AppError, type ErrorBody, httpKit, idempotency, jwtAuth, ok } from '../../../src/http/index'
import { createIdempotencyStore, createRedis } from '../../../src/redis/index'
import { testEnv } from '../../../src/testing'

const redis = createRedis(testEnv().redisUrl)
// Short TTL: test records clean themselves up; keys are fresh per test, so nothing is flushed.
const store = createIdempotencyStore(redis, { ttlSeconds: 300 })

afterAll(async () => {
  await redis[Symbol.asyncDispose]()
})

const OrderBody = t.Object({ skuId: t.Integer(), quantity: t.Integer({ minimum: 1 }) })

/** A tiny service whose routes count how often their effect really ran. */
function orderService(options: { gate?: Promise<void>; failFirst?: boolean } = {}) {
  const effects: unknown[] = []
  let attempts = 0
  const app = new Elysia()
    .use(httpKit)
    .use(idempotency(store))
    .post(
      '/orders',
      async ({ body, status }) => {
        attempts += 1
        await options.gate
        if (options.failFirst && attempts === 1) throw new Error('catalog timed out')
        effects.push(body)
        return status(201, ok({ orderNo: `ORD-${effects.length}` }))
      },
      { idempotent: true, body: OrderBody },
    )
    .post(
      '/orders/cancel',
      () => {
        attempts += 1
        throw new AppError('ORDER-409-002', 'Order in CONFIRMED cannot be cancelled')
      },
      { idempotent: true },
    )
  const post = (path: string, init: { key?: string; body?: unknown } = {}) => {
    const headers = {
      'content-type': 'application/json',
      ...(init.key ? { 'idempotency-key': init.key } : {}),
    }
    return app.handle(
      new Request(`http://localhost${path}`, { method: 'POST', headers, body: JSON.stringify(init.body ?? {}) }),
    )
  }
  return { app, post, effects, attempts: () => attempts }
}

const freshKey = () => `test-${Bun.randomUUIDv7()}`
const codeOf = async (res: Response) => [res.status, ((await res.json()) as ErrorBody).error.code]

describe('Idempotency-Key', () => {
  test('when the same key and body are sent again, then the original response is replayed and the effect runs once', async () => {
    const service = orderService()
    const key = freshKey()
    const first = await service.post('/orders', { key, body: { skuId: 1, quantity: 2 } })
    const again = await service.post('/orders', { key, body: { quantity: 2, skuId: 1 } })
    expect([first.status, again.status]).toEqual([201, 201])
    expect(await again.text()).toBe(await first.text())
    expect([first.headers.get('idempotent-replayed'), again.headers.get('idempotent-replayed')]).toEqual([null, 'true'])
    expect(service.effects).toHaveLength(1)
  })

  test('when the same key is sent with a different body, then 422 COMMON-422-001 and no second effect', async () => {
    const service = orderService()
    const key = freshKey()
    await service.post('/orders', { key, body: { skuId: 1, quantity: 2 } })
    const res = await service.post('/orders', { key, body: { skuId: 1, quantity: 3 } })
    expect(await codeOf(res)).toEqual([422, 'COMMON-422-001'])
    expect(service.effects).toHaveLength(1)
  })

  test('when ten requests race with one key, then the handler runs once and the others get 409 COMMON-409', async () => {
    let open = () => {}
    const gate = new Promise<void>((resolve) => {
      open = resolve
    })
    const service = orderService({ gate })
    const key = freshKey()
    const answered: Response[] = []
    // The winner waits at the gate until every loser has answered, so the race is real and the outcome certain.
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        service.post('/orders', { key, body: { skuId: 7, quantity: 1 } }).then((res) => {
          answered.push(res)
          if (answered.length === 9) open()
          return res
        }),
      ),
    )
    const statuses = responses.map((r) => r.status).sort()
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409])
    expect(service.attempts()).toBe(1)
    expect(service.effects).toHaveLength(1)
    const conflict = responses.find((r) => r.status === 409)
    expect(conflict && (await codeOf(conflict))).toEqual([409, 'COMMON-409'])
    const later = await service.post('/orders', { key, body: { skuId: 7, quantity: 1 } })
    expect([later.status, later.headers.get('idempotent-replayed')]).toEqual([201, 'true'])
  })

  test('when the first attempt fails with a 5xx, then the key is released and a retry runs', async () => {
    const stdout = spyOn(process.stdout, 'write').mockImplementation(() => true)
    const service = orderService({ failFirst: true })
    const key = freshKey()
    const failed = await service.post('/orders', { key, body: { skuId: 3, quantity: 1 } })
    const retried = await service.post('/orders', { key, body: { skuId: 3, quantity: 1 } })
    stdout.mockRestore()
    expect([failed.status, retried.status, retried.headers.get('idempotent-replayed')]).toEqual([500, 201, null])
    expect([service.attempts(), service.effects.length]).toEqual([2, 1])
  })

  test('when the first attempt ends in a 4xx, then that answer is stored and replayed', async () => {
    const service = orderService()
    const key = freshKey()
    const first = await service.post('/orders/cancel', { key })
    const again = await service.post('/orders/cancel', { key })
    expect(await codeOf(first)).toEqual([409, 'ORDER-409-002'])
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([409, 'true'])
    expect(service.attempts()).toBe(1)
  })

  test('when no key is sent, then every request runs', async () => {
    const service = orderService()
    await service.post('/orders', { body: { skuId: 1, quantity: 1 } })
    await service.post('/orders', { body: { skuId: 1, quantity: 1 } })
    expect(service.effects).toHaveLength(2)
  })

  test('when the key is not 1-255 visible characters, then 400 COMMON-400-004 names the header', async () => {
    const res = await orderService().post('/orders', { key: 'x'.repeat(256), body: { skuId: 1, quantity: 1 } })
    const body = (await res.json()) as ErrorBody
    expect([res.status, body.error.code, body.error.fieldErrors?.[0]?.field]).toEqual([
      400,
      'COMMON-400-004',
      'Idempotency-Key',
    ])
  })

  test('when two users send the same key, then each gets their own effect', async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
    const keySet = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k', alg: 'EdDSA' }] })
    const tokenFor = (userId: string) =>
      new SignJWT({ email: `${userId}@example.com`, roles: ['USER'], type: 'access' })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'k' })
        .setSubject(userId)
        .setExpirationTime('5m')
        .sign(pair.privateKey)
    const effects: number[] = []
    const app = new Elysia()
      .use(httpKit)
      .use(jwtAuth({ keySet }))
      .use(idempotency(store))
      .post(
        '/carts/me/items',
        ({ user }) => {
          effects.push(user.userId)
          return ok({ owner: user.userId })
        },
        { auth: true, idempotent: true },
      )
    const key = freshKey()
    const post = async (userId: string) =>
      app.handle(
        new Request('http://localhost/carts/me/items', {
          method: 'POST',
          headers: { authorization: `Bearer ${await tokenFor(userId)}`, 'idempotency-key': key },
        }),
      )
    const [a, b] = [await post('101'), await post('202')]
    expect([a.headers.get('idempotent-replayed'), b.headers.get('idempotent-replayed')]).toEqual([null, null])
    expect(effects).toEqual([101, 202])
  })
})
