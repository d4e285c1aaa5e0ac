import { describe, expect, test } from 'bun:test'
import { OrderCancelledV1, OrderCompensationRetryRequestedV1, OrderRefundRequestedV1 } from '@commerce/contracts/order'
import { eventually, publishEvent } from '@commerce/platform/testing'
import { eq } from 'drizzle-orm'
import { pgTransactions } from '../../src/db/schema'
import {
  confirm,
  eventsOf,
  handled,
  paymentKey,
  paymentOf,
  paymentUnderTest,
  pgRecord,
  readyPayment,
  secretKey,
  typesOf,
} from './fixture'

// Compensations (SPEC §6): order.cancelled voids a READY payment or refunds a charged one; order.refund.requested
// refunds through the PG cancel; a refund that keeps failing ends in payment.refund.failed.

describe('cancellations and refunds', () => {
  const ctx = paymentUnderTest()
  const kafka = () => ctx.payment.deps.kafka
  const db = () => ctx.payment.deps.db
  const statusOf = async (orderId: number) => (await paymentOf(db(), orderId))?.status
  const cancelled = (orderId: number) => ({
    orderId,
    reason: 'USER_REQUEST' as const,
    items: [{ skuId: 9_000_000_000_000_001, quantity: 1 }],
  })
  const refundRequest = (orderId: number, amount: number, itemIds: number[]) => ({
    orderId,
    userId: 1,
    refundAmount: amount,
    refundedItemIds: itemIds,
  })

  async function approvedPayment(amount = 10_000) {
    const order = await readyPayment(ctx.payment, { token: ctx.buyer, amount })
    const body = { orderId: order.orderId, paymentKey: paymentKey(), amount }
    const reply = await confirm(ctx.url, { token: ctx.buyer, body })
    if (reply.status !== 200) throw new Error(`confirm: ${reply.status} ${JSON.stringify(reply.body)}`)
    return { ...order, paymentKey: body.paymentKey }
  }

  test('when a READY payment’s order is cancelled, then it is voided (payment.failed ORDER_CANCELLED) and a confirm is 409', async () => {
    const order = await readyPayment(ctx.payment, { token: ctx.buyer })

    await handled(db(), await publishEvent(kafka(), OrderCancelledV1, cancelled(order.orderId)))
    const late = await confirm(ctx.url, {
      token: ctx.buyer,
      body: { orderId: order.orderId, paymentKey: paymentKey(), amount: order.amount },
    })

    const events = await eventsOf(db(), order.orderId, order.since)
    expect({
      status: await statusOf(order.orderId),
      events: typesOf(events),
      reason: events[1]?.data['reason'],
      late: [late.status, late.body.error.code],
      pg: await pgRecord(ctx.sandbox, order.orderNo),
    }).toEqual({
      status: 'CANCELED',
      events: ['payment.created', 'payment.failed'],
      reason: 'ORDER_CANCELLED',
      late: [409, 'PAYMENT-409-003'],
      pg: undefined,
    })
  })

  test('when an approved payment’s order is cancelled twice, then it is refunded once in full', async () => {
    const order = await approvedPayment(12_000)

    await publishEvent(kafka(), OrderCancelledV1, cancelled(order.orderId))
    await handled(db(), await publishEvent(kafka(), OrderCancelledV1, cancelled(order.orderId)))
    await eventually(async () => (await statusOf(order.orderId)) === 'REFUNDED')

    const events = await eventsOf(db(), order.orderId, order.since)
    expect({
      events: typesOf(events),
      refunded: events.at(-1)?.data,
      pg: await pgRecord(ctx.sandbox, order.orderNo),
    }).toMatchObject({
      events: ['payment.created', 'payment.completed', 'payment.refunded'],
      refunded: { reason: 'ORDER_CANCELLED', refundedAmount: 12_000, remainingAmount: 0, fullyRefunded: true },
      pg: { status: 'CANCELED', balanceAmount: 0, cancels: [12_000] },
    })
  })

  test('when part is refunded, then the rest, then PARTIALLY_REFUNDED then REFUNDED, each once, as the PG’s cancels show', async () => {
    const order = await approvedPayment(10_000)

    await publishEvent(kafka(), OrderRefundRequestedV1, refundRequest(order.orderId, 4_000, [11]))
    await eventually(async () => (await statusOf(order.orderId)) === 'PARTIALLY_REFUNDED')
    const partly = await pgRecord(ctx.sandbox, order.orderNo)
    // The same items asked again (another event) refund nothing more.
    await handled(db(), await publishEvent(kafka(), OrderRefundRequestedV1, refundRequest(order.orderId, 4_000, [11])))
    await publishEvent(kafka(), OrderRefundRequestedV1, refundRequest(order.orderId, 6_000, [12, 13]))
    await eventually(async () => (await statusOf(order.orderId)) === 'REFUNDED')

    const refunded = (await eventsOf(db(), order.orderId, order.since)).filter((e) => e.type === 'payment.refunded')
    expect({
      partly,
      pg: await pgRecord(ctx.sandbox, order.orderNo),
      refunded: refunded.map((e) => e.data),
    }).toMatchObject({
      partly: { status: 'PARTIAL_CANCELED', balanceAmount: 6_000, cancels: [4_000] },
      pg: { status: 'CANCELED', balanceAmount: 0, cancels: [4_000, 6_000] },
      refunded: [
        {
          reason: 'REFUND_REQUESTED',
          refundedAmount: 4_000,
          totalRefundedAmount: 4_000,
          remainingAmount: 6_000,
          fullyRefunded: false,
          refundedItemIds: [11],
        },
        {
          reason: 'REFUND_REQUESTED',
          refundedAmount: 6_000,
          totalRefundedAmount: 10_000,
          remainingAmount: 0,
          fullyRefunded: true,
          refundedItemIds: [12, 13],
        },
      ],
    })
  })

  test('when the PG refuses a refund on every try, then payment.refund.failed after the last try, and the payment is unchanged', async () => {
    const order = await approvedPayment(8_000)
    // Someone cancelled it at the PG behind our back: every cancel now answers ALREADY_CANCELED_PAYMENT.
    await fetch(`${ctx.sandbox.url}/v1/payments/${order.paymentKey}/cancel`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`${secretKey}:`)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ cancelReason: 'out of band' }),
    })

    await publishEvent(kafka(), OrderRefundRequestedV1, refundRequest(order.orderId, 3_000, [21]))
    const failed = await eventually(async () =>
      (await eventsOf(db(), order.orderId, order.since)).find((e) => e.type === 'payment.refund.failed'),
    )

    expect({ failed: failed.data, status: await statusOf(order.orderId) }).toMatchObject({
      failed: {
        reason: 'REFUND_REQUESTED',
        amount: 3_000,
        pgErrorCode: 'ALREADY_CANCELED_PAYMENT',
        refundedItemIds: [21],
      },
      status: 'APPROVED',
    })
  })

  test('when an operator retries a refund that failed at the PG, then it is tried again with the same PG Idempotency-Key, refunded once, and a second retry finds nothing to do', async () => {
    const order = await approvedPayment(9_000)
    ctx.sandbox.records.setFault({ paymentKey: order.paymentKey, operation: 'cancel', on: true })
    await publishEvent(kafka(), OrderRefundRequestedV1, refundRequest(order.orderId, 9_000, [31]))
    const typesNow = async () => typesOf(await eventsOf(db(), order.orderId, order.since))
    await eventually(async () => (await typesNow()).includes('payment.refund.failed'), { what: 'refund failed' })
    ctx.sandbox.records.setFault({ paymentKey: order.paymentKey, operation: 'cancel', on: false })

    const retry = { orderId: order.orderId, requestedBy: 1, requestedAt: new Date().toISOString() }
    await handled(db(), await publishEvent(kafka(), OrderCompensationRetryRequestedV1, retry))
    await eventually(async () => (await typesNow()).includes('payment.refunded'), { what: 'refunded after the retry' })
    await handled(db(), await publishEvent(kafka(), OrderCompensationRetryRequestedV1, retry))
    const events = await eventsOf(db(), order.orderId, order.since)
    const refunded = events.find((e) => e.type === 'payment.refunded')
    const keys = await pgKeysOf(order.paymentKey)

    expect({
      types: typesOf(events),
      refunded: refunded?.data,
      status: await statusOf(order.orderId),
      pgCancels: (await pgRecord(ctx.sandbox, order.orderNo))?.cancels,
      oneKeyForEveryTry: keys.size,
    }).toMatchObject({
      types: ['payment.created', 'payment.completed', 'payment.refund.failed', 'payment.refunded'],
      refunded: { reason: 'REFUND_REQUESTED', refundedAmount: 9_000, refundedItemIds: [31], fullyRefunded: true },
      status: 'REFUNDED',
      pgCancels: [9_000],
      oneKeyForEveryTry: 1,
    })
  })

  /** The PG Idempotency-Keys payment used for the CANCEL calls of a paymentKey (one per refund, kept across tries). */
  async function pgKeysOf(paymentKey: string): Promise<Set<string>> {
    const rows = await db().select().from(pgTransactions).where(eq(pgTransactions.paymentKey, paymentKey))
    return new Set(rows.filter((r) => r.type === 'CANCEL').map((r) => r.idempotencyKey))
  }
})
