import { afterAll, describe, expect, spyOn, test } from 'bun:test'
import { Elysia } from 'elysia'
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose'
import { idempotencyKeys, pruneIdempotencyKeys } from '../../../src/db'
import { type ErrorBody, httpKit, idempotency, jwtAuth, ok } from '../../../src/http/index'
import { eventually } from '../../../src/testing'
import { freshKey, keyRows, lab, orderService, waitingOnKey } from './idempotency-fixture'

afterAll(async () => {
  await lab.close()
})

const codeOf = async (res: Response) => [res.status, ((await res.json()) as ErrorBody).error.code]
const replayed = (res: Response) => res.headers.get('idempotent-replayed')

describe('Idempotency-Key', () => {
  test('when the same key and body are sent again, then the original response is replayed and the effect runs once', async () => {
    const service = orderService()
    const key = freshKey()
    const first = await service.post('/orders', { key, body: { skuId: 1, quantity: 2 } })
    const again = await service.post('/orders', { key, body: { quantity: 2, skuId: 1 } })
    expect([first.status, again.status]).toEqual([201, 201])
    expect(await again.text()).toBe(await first.text())
    expect([replayed(first), replayed(again)]).toEqual([null, 'true'])
    expect([await service.effects(), (await keyRows(key)).length]).toEqual([1, 1])
  })

  test('when the same key is sent with a different body, then 422 COMMON-422-001 and no second effect', async () => {
    const service = orderService()
    const key = freshKey()
    await service.post('/orders', { key, body: { skuId: 1, quantity: 2 } })
    const res = await service.post('/orders', { key, body: { skuId: 1, quantity: 3 } })
    expect(await codeOf(res)).toEqual([422, 'COMMON-422-001'])
    expect(await service.effects()).toBe(1)
  })

  test('when eight identical requests race with one key, then the effect happens once and all eight get its answer', async () => {
    const key = freshKey()
    // The first holds its key row until the seven others are blocked inserting theirs, so the race is real.
    const gate = () => eventually(async () => (await waitingOnKey(key)) === 7, { what: 'seven waiters' })
    const service = orderService({ gate })
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => service.post('/orders', { key, body: { skuId: 7, quantity: 1 } })),
    )
    const bodies = await Promise.all(responses.map((r) => r.text()))
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201))
    expect(new Set(bodies).size).toBe(1)
    expect(responses.filter((r) => replayed(r) === 'true')).toHaveLength(7)
    expect([service.attempts(), await service.effects()]).toEqual([1, 1])
  })

  test('when the first of eight racing requests fails with a 5xx, then one waiter runs and the others replay its answer', async () => {
    const stdout = spyOn(process.stdout, 'write').mockImplementation(() => true)
    const key = freshKey()
    let gates = 0
    // Only the first holder waits; waiters that get the key after its rollback may deadlock on their inserts.
    const gate = () => (gates++ === 0 ? eventually(async () => (await waitingOnKey(key)) === 7) : Promise.resolve())
    const service = orderService({ gate, failFirst: true })
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => service.post('/orders', { key, body: { skuId: 8, quantity: 1 } })),
    )
    stdout.mockRestore()
    const statuses = responses.map((r) => r.status).sort()
    expect([statuses, responses.filter((r) => replayed(r) === 'true').length]).toEqual([
      [...Array(7).fill(201), 500],
      6,
    ])
    expect([service.attempts(), await service.effects()]).toEqual([2, 1])
  })

  test('when the first attempt fails with a 5xx, then nothing is stored and a retry runs', async () => {
    const stdout = spyOn(process.stdout, 'write').mockImplementation(() => true)
    const service = orderService({ failFirst: true })
    const key = freshKey()
    const failed = await service.post('/orders', { key, body: { skuId: 3, quantity: 1 } })
    const rowsAfterFailure = (await keyRows(key)).length
    const retried = await service.post('/orders', { key, body: { skuId: 3, quantity: 1 } })
    stdout.mockRestore()
    expect([failed.status, rowsAfterFailure, retried.status, replayed(retried)]).toEqual([500, 0, 201, null])
    expect([service.attempts(), await service.effects()]).toEqual([2, 1])
  })

  test('when the first attempt ends in a final 4xx, then that answer is stored and replayed', async () => {
    const service = orderService()
    const key = freshKey()
    const first = await service.post('/orders/cancel', { key })
    const again = await service.post('/orders/cancel', { key })
    expect(await codeOf(first)).toEqual([409, 'ORDER-409-002'])
    expect([again.status, replayed(again)]).toEqual([409, 'true'])
    expect(service.attempts()).toBe(1)
  })

  test('when a confirm comes before its payment (409 "not yet"), then a retry with the key after the payment exists runs', async () => {
    let paymentExists = false
    const service = orderService({ paymentExists: () => paymentExists })
    const key = freshKey()
    const early = await service.post('/payments/confirm', { key })
    paymentExists = true
    const retried = await service.post('/payments/confirm', { key })
    const again = await service.post('/payments/confirm', { key })
    expect(await codeOf(early)).toEqual([409, 'PAYMENT-409-004'])
    expect([retried.status, replayed(retried), again.status, replayed(again)]).toEqual([201, null, 201, 'true'])
    expect([service.attempts(), await service.effects()]).toEqual([2, 1])
  })

  test('when the retry reaches another instance that shares only the database (no Redis), then the effect still happens once', async () => {
    const [one, other] = [orderService(), orderService()]
    const key = freshKey()
    const first = await one.post('/orders', { key, body: { skuId: 9, quantity: 1 } })
    const again = await other.post('/orders', { key, body: { skuId: 9, quantity: 1 } })
    expect([first.status, again.status, replayed(again), await again.text()]).toEqual([
      201,
      201,
      'true',
      await first.text(),
    ])
    expect([await one.effects(), other.attempts()]).toEqual([1, 0])
  })

  test('when no key is sent, then every request runs', async () => {
    const service = orderService()
    await service.post('/orders', { body: { skuId: 1, quantity: 1 } })
    await service.post('/orders', { body: { skuId: 1, quantity: 1 } })
    expect(await service.effects()).toBe(2)
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
        .setIssuer('commerce-auth')
        .setAudience('commerce')
        .setExpirationTime('5m')
        .sign(pair.privateKey)
    const effects: number[] = []
    const app = new Elysia()
      .use(httpKit)
      .use(jwtAuth({ keySet, issuer: 'commerce-auth', audience: 'commerce' }))
      .use(idempotency({ db: lab.db }))
      .post(
        '/carts/me/items',
        ({ user, idempotently }) =>
          idempotently(async () => {
            effects.push(user.userId)
            return ok({ owner: user.userId })
          }),
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
    expect([replayed(a), replayed(b)]).toEqual([null, null])
    expect(effects).toEqual([101, 202])
    expect((await keyRows(key)).map((row) => row.scope).sort()).toEqual(['user:101', 'user:202'])
  })

  test('when keys are pruned, then only records older than the cut-off go', async () => {
    const [old, recent] = [freshKey(), freshKey()]
    const row = { scope: 'anon', fingerprint: '0'.repeat(64), status: 201, contentType: 'application/json', body: '{}' }
    await lab.db.insert(idempotencyKeys).values([
      { ...row, key: old, createdAt: new Date('2001-01-01T00:00:00Z') },
      { ...row, key: recent, createdAt: new Date() },
    ])

    const pruned = await pruneIdempotencyKeys(lab.db, { olderThan: new Date('2002-01-01T00:00:00Z') })

    expect(pruned).toBeGreaterThanOrEqual(1)
    expect([(await keyRows(old)).length, (await keyRows(recent)).length]).toEqual([0, 1])
  })
})
