import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { eventually } from '@commerce/platform/testing'
import {
  confirm,
  eventsOf,
  type Payment,
  paymentKey,
  paymentOf,
  paymentUnderTest,
  readyPayment,
  startPayment,
  typesOf,
} from './fixture'

// The payment window (SPEC §6): a READY payment not confirmed in time fails with PAYMENT_TIMEOUT, once, however many
// replicas run the leased expiry job.

describe('payment window expiry', () => {
  const env = { PAYMENT_WINDOW_S: '2', PAYMENT_EXPIRY_EVERY_S: '1' }
  const ctx = paymentUnderTest(env)
  let second: Payment
  beforeAll(async () => {
    second = await startPayment({ sandbox: ctx.sandbox, jwksUrl: `${ctx.auth.url}/.well-known/jwks.json`, env })
  })
  afterAll(async () => {
    await second?.stop()
  })

  test('when a READY payment outlives its window with two instances running, then one payment.failed PAYMENT_TIMEOUT and a late confirm is 409', async () => {
    const order = await readyPayment(ctx.payment, { token: ctx.buyer })

    await eventually(async () => (await paymentOf(ctx.payment.deps.db, order.orderId))?.status === 'FAILED', {
      timeoutMs: 20_000,
    })
    const late = await confirm(ctx.url, {
      token: ctx.buyer,
      body: { orderId: order.orderId, paymentKey: paymentKey(), amount: order.amount },
    })

    const events = await eventsOf(ctx.payment.deps.db, order.orderId, order.since)
    expect({
      events: typesOf(events),
      reason: events[1]?.data['reason'],
      late: [late.status, late.body.error.code],
    }).toEqual({
      events: ['payment.created', 'payment.failed'],
      reason: 'PAYMENT_TIMEOUT',
      late: [409, 'PAYMENT-409-005'],
    })
  })
})
