import { afterAll, describe, expect, test } from 'bun:test'
import { createLogger } from '@commerce/platform/log'
import { startPgSandbox } from '@commerce/platform/pg-sandbox'
import { pgRequestDuration } from '../use-cases/metrics'
import { tossGateway } from './toss'

const sandbox = startPgSandbox({ port: 0, secretKey: 'test_sk_gateway', slowMs: 600, recordsPath: ':memory:' })
const logger = createLogger({ test: 'toss-gateway' }, 'error')
const gateway = tossGateway({ baseUrl: sandbox.url, secretKey: 'test_sk_gateway', timeoutMs: 200, logger })
afterAll(() => sandbox.stop())

let n = 0
const order = (prefix = '') => ({
  paymentKey: `${prefix}pk-${Date.now()}-${++n}`,
  orderNo: `ORD-20261204-${Date.now().toString(16)}${n}`,
  idempotencyKey: crypto.randomUUID(),
})

describe('Toss gateway client against the PG sandbox', () => {
  test('when the PG approves, then done with the PG record', async () => {
    const o = order()
    const outcome = await gateway.confirm({ ...o, amount: 12_000 })
    expect(outcome).toMatchObject({ kind: 'done', payment: { status: 'DONE', totalAmount: 12_000 } })
  })

  test('when the PG declines, then refused with its code, and the inquiry finds nothing charged', async () => {
    const o = order('fail_')
    const outcome = await gateway.confirm({ ...o, amount: 1000 })
    expect([outcome, await gateway.inquire(o.orderNo)]).toMatchObject([
      { kind: 'refused', code: 'REJECT_CARD_PAYMENT' },
      { kind: 'refused', code: 'NOT_FOUND_PAYMENT' },
    ])
  })

  test('when the PG fails with 5xx on every try, then unknown, and the inquiry shows nothing was charged', async () => {
    const o = order('error_')
    const outcome = await gateway.confirm({ ...o, amount: 1000 })
    expect([outcome.kind, (await gateway.inquire(o.orderNo)).kind]).toEqual(['unknown', 'refused'])
  })

  test('when the first answer comes after the timeout, then the retry with the same key learns the one charge', async () => {
    const o = order('slow_')
    const outcome = await gateway.confirm({ ...o, amount: 7000 })
    const inquiry = await gateway.inquire(o.orderNo)
    expect(outcome).toMatchObject({ kind: 'done', payment: { status: 'DONE' } })
    expect(inquiry).toMatchObject({ kind: 'done', payment: { totalAmount: 7000, balanceAmount: 7000 } })
  })

  test('when a payment is refunded in part, then the PG record shows the balance', async () => {
    const o = order()
    await gateway.confirm({ ...o, amount: 9000 })
    const cancel = { paymentKey: o.paymentKey, reason: 'one item', amount: 4000, idempotencyKey: crypto.randomUUID() }
    const outcome = await gateway.cancel(cancel)
    const replay = await gateway.cancel(cancel)
    expect([outcome, replay]).toMatchObject([
      { kind: 'done', payment: { status: 'PARTIAL_CANCELED', balanceAmount: 5000 } },
      { kind: 'done', payment: { balanceAmount: 5000 } },
    ])
  })

  test('when the PG is called, then each call is timed under its operation and outcome', async () => {
    const calls = async (operation: string, outcome: string) =>
      (await pgRequestDuration.get()).values.find(
        (v) =>
          v.metricName === 'payment_pg_request_duration_seconds_count' &&
          v.labels.operation === operation &&
          v.labels.outcome === outcome,
      )?.value ?? 0
    const keys = [
      ['confirm', 'done'],
      ['confirm', 'refused'],
      ['cancel', 'done'],
      ['inquiry', 'refused'],
    ] as const
    const before = await Promise.all(keys.map(([operation, outcome]) => calls(operation, outcome)))
    const o = order()
    const declined = order('fail_')

    await gateway.confirm({ ...o, amount: 5_000 })
    await gateway.confirm({ ...declined, amount: 1_000 })
    await gateway.cancel({ paymentKey: o.paymentKey, reason: 'test', idempotencyKey: crypto.randomUUID() })
    await gateway.inquire(declined.orderNo)

    const after = await Promise.all(keys.map(([operation, outcome]) => calls(operation, outcome)))
    expect(after.map((n, i) => n - (before[i] ?? 0))).toEqual([1, 1, 1, 1])
  })
})
