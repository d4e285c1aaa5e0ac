import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type PgSandbox, startPgSandbox } from './server'

const secretKey = 'test_sk_unit'
const dir = mkdtempSync(join(tmpdir(), 'pg-sandbox-'))
const recordsPath = join(dir, 'records.sqlite')
const start = () => startPgSandbox({ port: 0, secretKey, slowMs: 400, recordsPath })
let sandbox: PgSandbox
let n = 0
const fresh = (prefix = '') => `${prefix}pk${Date.now()}${++n}`
const orderNo = () => `ORD-20261204-${Date.now().toString(16)}${++n}`

beforeAll(() => {
  sandbox = start()
})
afterAll(async () => {
  await sandbox.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function call(
  path: string,
  request: { body?: unknown; key?: string; auth?: string | null; timeoutMs?: number } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const auth = request.auth === undefined ? `Basic ${btoa(`${secretKey}:`)}` : request.auth
  if (auth) headers['authorization'] = auth
  if (request.key) headers['idempotency-key'] = request.key
  const init: RequestInit = { method: request.body === undefined ? 'GET' : 'POST', headers }
  if (request.body !== undefined) init.body = JSON.stringify(request.body)
  if (request.timeoutMs) init.signal = AbortSignal.timeout(request.timeoutMs)
  const response = await fetch(`${sandbox.url}${path}`, init)
  // biome-ignore lint/suspicious/noExplicitAny: tests read Toss objects loosely
  return { status: response.status, body: (await response.json()) as any }
}

/** The sandbox's fault switch: PUT on, DELETE off, GET reads. */
async function fault(method: 'PUT' | 'DELETE' | 'GET', at: { paymentKey: string; auth?: boolean }) {
  const headers: Record<string, string> = at.auth === false ? {} : { authorization: `Basic ${btoa(`${secretKey}:`)}` }
  const response = await fetch(`${sandbox.url}/sandbox/faults/${at.paymentKey}/cancel`, { method, headers })
  // biome-ignore lint/suspicious/noExplicitAny: tests read the answer loosely
  return { status: response.status, body: (await response.json()) as any }
}

const confirm = (body: unknown, key?: string) => call('/v1/payments/confirm', key ? { body, key } : { body })

describe('PG sandbox (Toss v1 shapes)', () => {
  test('when a plain key is confirmed, then DONE, and the inquiry reads by key and by orderId show one charge', async () => {
    const [paymentKey, orderId] = [fresh(), orderNo()]
    const answer = await confirm({ paymentKey, orderId, amount: 15_000 }, crypto.randomUUID())
    const byKey = await call(`/v1/payments/${paymentKey}`)
    const byOrder = await call(`/v1/payments/orders/${orderId}`)
    expect([answer.status, answer.body.status, answer.body.totalAmount]).toEqual([200, 'DONE', 15_000])
    expect([byKey.body.paymentKey, byOrder.body.paymentKey, byOrder.body.balanceAmount]).toEqual([
      paymentKey,
      paymentKey,
      15_000,
    ])
  })

  test('when fail_ is confirmed, then 403 REJECT_CARD_PAYMENT and nothing is charged', async () => {
    const [paymentKey, orderId] = [fresh('fail_'), orderNo()]
    const answer = await confirm({ paymentKey, orderId, amount: 1000 })
    const inquiry = await call(`/v1/payments/orders/${orderId}`)
    expect([answer.status, answer.body.code, inquiry.status]).toEqual([403, 'REJECT_CARD_PAYMENT', 404])
  })

  test('when error_ is confirmed again and again with one key, then 500 every time and nothing is charged', async () => {
    const [paymentKey, orderId, key] = [fresh('error_'), orderNo(), crypto.randomUUID()]
    const answers = [
      await confirm({ paymentKey, orderId, amount: 1000 }, key),
      await confirm({ paymentKey, orderId, amount: 1000 }, key),
    ]
    const inquiry = await call(`/v1/payments/${paymentKey}`)
    expect(answers.map((a) => [a.status, a.body.code])).toEqual([
      [500, 'FAILED_INTERNAL_SYSTEM_PROCESSING'],
      [500, 'FAILED_INTERNAL_SYSTEM_PROCESSING'],
    ])
    expect(inquiry.status).toBe(404)
  })

  test('when slow_ times the caller out, then the charge was made, and a retry with the same key returns it without a second charge', async () => {
    const [paymentKey, orderId, key] = [fresh('slow_'), orderNo(), crypto.randomUUID()]
    const body = { paymentKey, orderId, amount: 5000 }
    const first = await call('/v1/payments/confirm', { body, key, timeoutMs: 100 }).then(
      () => 'answered',
      (error: Error) => error.name,
    )
    const charged = await call(`/v1/payments/orders/${orderId}`)
    // The retry is answered from the stored answer at once: well inside a timeout shorter than the sandbox's delay.
    const retry = await call('/v1/payments/confirm', { body, key, timeoutMs: 300 })
    expect(first).toBe('TimeoutError')
    expect([charged.body.status, retry.body.status, retry.body.lastTransactionKey]).toEqual([
      'DONE',
      'DONE',
      charged.body.lastTransactionKey,
    ])
  })

  test('when a paymentKey is confirmed twice with different keys, then the second is ALREADY_PROCESSED_PAYMENT; one key with another body is 422', async () => {
    const [paymentKey, orderId, key] = [fresh(), orderNo(), crypto.randomUUID()]
    await confirm({ paymentKey, orderId, amount: 2000 }, key)
    const again = await confirm({ paymentKey, orderId, amount: 2000 }, crypto.randomUUID())
    const replay = await confirm({ paymentKey, orderId, amount: 2000 }, key)
    const otherBody = await confirm({ paymentKey, orderId, amount: 2500 }, key)
    expect([again.status, again.body.code, replay.status, otherBody.status]).toEqual([
      400,
      'ALREADY_PROCESSED_PAYMENT',
      200,
      422,
    ])
  })

  test('when a payment is cancelled in part and then in full, then PARTIAL_CANCELED, CANCELED, and a third cancel is refused', async () => {
    const [paymentKey, orderId] = [fresh(), orderNo()]
    await confirm({ paymentKey, orderId, amount: 10_000 })
    const key = crypto.randomUUID()
    const part = await call(`/v1/payments/${paymentKey}/cancel`, {
      body: { cancelReason: 'one item', cancelAmount: 4000 },
      key,
    })
    const replay = await call(`/v1/payments/${paymentKey}/cancel`, {
      body: { cancelReason: 'one item', cancelAmount: 4000 },
      key,
    })
    const rest = await call(`/v1/payments/${paymentKey}/cancel`, { body: { cancelReason: 'the rest' } })
    const third = await call(`/v1/payments/${paymentKey}/cancel`, { body: { cancelReason: 'again' } })
    expect([part.body.status, part.body.balanceAmount, replay.body.cancels.length]).toEqual([
      'PARTIAL_CANCELED',
      6000,
      1,
    ])
    expect([rest.body.status, rest.body.balanceAmount, rest.body.cancels.length]).toEqual(['CANCELED', 0, 2])
    expect([third.status, third.body.code]).toEqual([400, 'ALREADY_CANCELED_PAYMENT'])
  })

  test('when the secret key is missing or wrong, or the body is bad, then 401 UNAUTHORIZED_KEY / 400 INVALID_REQUEST', async () => {
    const body = { paymentKey: fresh(), orderId: orderNo(), amount: 1000 }
    const answers = [
      await call('/v1/payments/confirm', { body, auth: null }),
      await call('/v1/payments/confirm', { body, auth: `Basic ${btoa('other:')}` }),
      await confirm({ ...body, orderId: 'abc' }),
      await confirm({ ...body, amount: -1 }),
      await confirm({ ...body, amount: '1000' }),
      await confirm('not an object'),
    ]
    expect(answers.map((a) => a.body.code)).toEqual([
      'UNAUTHORIZED_KEY',
      'UNAUTHORIZED_KEY',
      'INVALID_REQUEST',
      'INVALID_REQUEST',
      'INVALID_REQUEST',
      'INVALID_REQUEST',
    ])
  })

  test('when the sandbox restarts, then its record and the stored answers are still there', async () => {
    const [paymentKey, orderId, key] = [fresh(), orderNo(), crypto.randomUUID()]
    const first = await confirm({ paymentKey, orderId, amount: 3000 }, key)
    await sandbox.stop()
    sandbox = start()
    const replay = await confirm({ paymentKey, orderId, amount: 3000 }, key)
    expect(replay.body.lastTransactionKey).toBe(first.body.lastTransactionKey)
  })

  test('when the cancel fault is on for a payment, then every cancel fails with 400 FAILED_REFUND_PROCESS, also after a restart, and once it is off the same Idempotency-Key cancels once', async () => {
    const [paymentKey, orderId, key] = [fresh(), orderNo(), crypto.randomUUID()]
    await confirm({ paymentKey, orderId, amount: 7000 })
    const cancel = () => call(`/v1/payments/${paymentKey}/cancel`, { body: { cancelReason: 'refund requested' }, key })
    const switchedOn = await fault('PUT', { paymentKey })
    const whileOn = [await cancel(), await cancel()]
    await sandbox.stop()
    sandbox = start()
    const afterRestart = await cancel()
    const switchedOff = await fault('DELETE', { paymentKey })
    const [done, replay] = [await cancel(), await cancel()]
    expect({
      switchedOn: switchedOn.body,
      failures: [...whileOn, afterRestart].map((a) => [a.status, a.body.code]),
      switchedOff: switchedOff.body,
      done: [done.status, done.body.status, done.body.cancels.length],
      replayed: replay.body.lastTransactionKey === done.body.lastTransactionKey,
      record: (await call(`/v1/payments/${paymentKey}`)).body.cancels.length,
    }).toEqual({
      switchedOn: { paymentKey, operation: 'cancel', on: true },
      failures: [
        [400, 'FAILED_REFUND_PROCESS'],
        [400, 'FAILED_REFUND_PROCESS'],
        [400, 'FAILED_REFUND_PROCESS'],
      ],
      switchedOff: { paymentKey, operation: 'cancel', on: false },
      done: [200, 'CANCELED', 1],
      replayed: true,
      record: 1,
    })
  })

  test('when the fault switch is called without the secret key or for an unknown operation, then 401 / 404 and nothing is switched', async () => {
    const paymentKey = fresh()
    const unauthorized = await fault('PUT', { paymentKey, auth: false })
    const unknown = await fetch(`${sandbox.url}/sandbox/faults/${paymentKey}/confirm`, {
      method: 'PUT',
      headers: { authorization: `Basic ${btoa(`${secretKey}:`)}` },
    })
    const read = await fault('GET', { paymentKey })
    expect([unauthorized.status, unauthorized.body.code, unknown.status, read.body.on]).toEqual([
      401,
      'UNAUTHORIZED_KEY',
      404,
      false,
    ])
  })
})
