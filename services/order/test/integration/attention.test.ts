import { describe, expect, test } from 'bun:test'
import { PaymentRefundedV1, PaymentRefundFailedV1 } from '@commerce/contracts/payment'
import { registry } from '@commerce/platform/metrics'
import { call, publishEvent, tokenFor } from '@commerce/platform/testing'
import { eq } from 'drizzle-orm'
import { orderItems } from '../../src/db/schema'
import type { OrderStatus } from '../../src/domain/order-status'
import { memberToken, stack, userIdOf } from './fixture'
import { orderWithConsumers, seedOrder } from './saga-fixture'

// Issue 13 §3 / SPEC §6: NEEDS_ATTENTION is a state an operator repairs (admin list, retry, resolve), and RESOLVED
// never moves again. Orders are written straight to the database; the events payment would send are published here.

type Reason = 'REFUND_REQUESTED' | 'ORDER_CANCELLED'
const money = (order: { orderId: number }) => ({
  paymentId: order.orderId,
  orderId: order.orderId,
  currency: 'KRW' as const,
})
const refundFailed = (order: { orderId: number }, at: { reason: Reason; itemIds?: number[] }) => ({
  ...money(order),
  reason: at.reason,
  amount: 23_000,
  pgErrorCode: 'FAILED_REFUND_PROCESS',
  ...(at.itemIds ? { refundedItemIds: at.itemIds } : {}),
  failedAt: new Date().toISOString(),
})
const refunded = (order: { orderId: number }, at: { reason: Reason; itemIds?: number[] }) => ({
  ...money(order),
  pgTransactionId: 'tx-refund',
  reason: at.reason,
  refundedAmount: 23_000,
  totalRefundedAmount: 23_000,
  remainingAmount: 0,
  fullyRefunded: true,
  ...(at.itemIds ? { refundedItemIds: at.itemIds } : {}),
  refundedAt: new Date().toISOString(),
})

async function ignoredCount(type: string): Promise<number> {
  const metric = await registry.getSingleMetric('order_saga_events_total')?.get()
  return metric?.values.find((v) => v.labels['type'] === type && v.labels['reaction'] === 'ignored')?.value ?? 0
}

describe('orders needing attention (admin)', () => {
  const { ctx, db, kafka, handled, state } = orderWithConsumers()
  const admin = () => tokenFor(stack.auth, ['USER', 'ADMIN'])
  const post = (path: string, at: { token: string; body?: unknown; key?: string }) =>
    call(`${ctx.order.url}${path}`, { method: 'POST', ...at })

  /** Every row of the admin list, page by page (earlier runs' orders may still wait there). */
  async function waitingRows(token: string): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = []
    for (let page = 0; ; page++) {
      const list = await call(`${ctx.order.url}/api/orders/needs-attention?page=${page}&size=100`, { token })
      if (list.status !== 200) throw new Error(`list: ${list.status} ${JSON.stringify(list.body)}`)
      rows.push(...list.body.data.items)
      if (page + 1 >= list.body.data.totalPages) return rows
    }
  }

  /** A seeded order in `from` whose refund (every item, or the cancelled order's) failed: NEEDS_ATTENTION. */
  async function waitingOrder(from: OrderStatus, reason: Reason) {
    const order = await seedOrder(db(), from)
    const itemIds = reason === 'REFUND_REQUESTED' ? order.itemIds : undefined
    if (itemIds)
      await db().update(orderItems).set({ status: 'REFUND_REQUESTED' }).where(eq(orderItems.orderId, order.orderId))
    await handled(
      await publishEvent(
        kafka(),
        PaymentRefundFailedV1,
        refundFailed(order, { reason, ...(itemIds ? { itemIds } : {}) }),
      ),
    )
    return { ...order, refundItems: itemIds }
  }

  test('when a refund failed, then the order is on the admin list with its reason and since when, and a retry publishes order.compensation.retry.requested for payment', async () => {
    const token = await admin()
    const order = await waitingOrder('CONFIRMED', 'REFUND_REQUESTED')
    const rows = await waitingRows(token)
    const row = rows.find((r) => r['orderId'] === order.orderId)
    const retried = await post(`/api/orders/${order.orderId}/attention/retry`, { token })
    const s = await state(order.orderId)

    expect({
      row: row && ({ ...row, since: typeof row['since'] } as Record<string, unknown>),
      retried: [retried.status, retried.body.data.status],
      history: s.history.slice(1).map(([from, to, reason]) => [from, to, reason]),
      event: s.events.map((e) => [e.type, e.data['orderId'], e.data['requestedBy'], e.correlationid]),
    }).toEqual({
      row: {
        orderId: order.orderId,
        orderNo: expect.any(String),
        userId: order.userId,
        status: 'NEEDS_ATTENTION',
        totalAmount: 23_000,
        refundedAmount: 0,
        reason: 'REFUND_FAILED:REFUND_REQUESTED:FAILED_REFUND_PROCESS',
        since: 'string',
        updatedAt: expect.any(String),
      },
      retried: [202, 'NEEDS_ATTENTION'],
      history: [
        ['CONFIRMED', 'NEEDS_ATTENTION', 'REFUND_FAILED:REFUND_REQUESTED:FAILED_REFUND_PROCESS'],
        ['NEEDS_ATTENTION', 'NEEDS_ATTENTION', 'RETRY_REQUESTED'],
      ],
      event: [['order.compensation.retry.requested', order.orderId, userIdOf(token), String(order.orderId)]],
    })
  })

  test('when the retried refund succeeds, then the order leaves NEEDS_ATTENTION for the state the refund implies: REFUNDED with order.refunded, or CANCELLED for a cancelled order', async () => {
    const buyersRefund = await waitingOrder('CONFIRMED', 'REFUND_REQUESTED')
    const cancelled = await waitingOrder('CANCELLED', 'ORDER_CANCELLED')
    const items = buyersRefund.refundItems ?? []
    await handled(
      await publishEvent(
        kafka(),
        PaymentRefundedV1,
        refunded(buyersRefund, { reason: 'REFUND_REQUESTED', itemIds: items }),
      ),
    )
    await handled(await publishEvent(kafka(), PaymentRefundedV1, refunded(cancelled, { reason: 'ORDER_CANCELLED' })))
    const [a, b] = [await state(buyersRefund.orderId), await state(cancelled.orderId)]

    expect({
      refunded: [a.status, a.refundedAmount, a.itemStatuses, a.events.map((e) => [e.type, e.data['status']])],
      cancelled: [b.status, b.refundedAmount, b.history.at(-1), b.events.length],
    }).toEqual({
      refunded: ['REFUNDED', 23_000, ['REFUNDED', 'REFUNDED'], [['order.refunded', 'REFUNDED']]],
      cancelled: ['CANCELLED', 23_000, ['NEEDS_ATTENTION', 'CANCELLED', 'REFUNDED_AFTER_CANCEL'], 0],
    })
  })

  test('when an operator resolves the order with a reason, then it is RESOLVED with the reason and the operator in its history, and late refund events are ignored and counted', async () => {
    const token = await admin()
    const order = await waitingOrder('CONFIRMED', 'REFUND_REQUESTED')
    const reason = 'refunded by bank transfer, ticket OPS-7'
    const key = crypto.randomUUID()
    const resolved = await post(`/api/orders/${order.orderId}/attention/resolve`, { token, body: { reason }, key })
    const replay = await post(`/api/orders/${order.orderId}/attention/resolve`, { token, body: { reason }, key })
    const before = await state(order.orderId)
    const ignoredBefore = [await ignoredCount('payment.refunded'), await ignoredCount('payment.refund.failed')]
    const items = order.refundItems ?? []
    await handled(
      await publishEvent(kafka(), PaymentRefundedV1, refunded(order, { reason: 'REFUND_REQUESTED', itemIds: items })),
    )
    await handled(
      await publishEvent(
        kafka(),
        PaymentRefundFailedV1,
        refundFailed(order, { reason: 'REFUND_REQUESTED', itemIds: items }),
      ),
    )
    const after = await state(order.orderId)
    const detail = await call(`${ctx.order.url}/api/orders/${order.orderId}/attention`, { token })
    const ignoredAfter = [await ignoredCount('payment.refunded'), await ignoredCount('payment.refund.failed')]

    expect({
      resolved: [resolved.status, resolved.body.data],
      replayed: [replay.status, replay.body.data],
      unchanged: { ...after, history: after.history.length },
      last: detail.body.data.history.at(-1),
      attention: detail.body.data.attention,
      // Another process in group `order` (the stack's own order) may have handled one of them: at most two here.
      ignored: ignoredAfter.map((n, i) => n - (ignoredBefore[i] ?? 0) <= 1),
    }).toEqual({
      resolved: [200, { orderId: order.orderId, status: 'RESOLVED', resolvedBy: userIdOf(token), reason }],
      replayed: [200, { orderId: order.orderId, status: 'RESOLVED', resolvedBy: userIdOf(token), reason }],
      unchanged: { ...before, history: before.history.length },
      last: {
        from: 'NEEDS_ATTENTION',
        to: 'RESOLVED',
        reason: 'RESOLVED_BY_OPERATOR',
        at: expect.any(String),
        actorId: userIdOf(token),
        note: reason,
      },
      attention: null,
      ignored: [true, true],
    })
    expect(before.status).toBe('RESOLVED')
  })

  test('when the caller is no admin, the order unknown, not waiting, or the reason missing, then 403 / 404 / 409 / 400 in the error envelope and nothing changes', async () => {
    const [token, member] = await Promise.all([admin(), memberToken()])
    const confirmed = await seedOrder(db(), 'CONFIRMED')
    const waiting = await waitingOrder('CONFIRMED', 'REFUND_REQUESTED')
    const answers = [
      await call(`${ctx.order.url}/api/orders/needs-attention`, { token: member }),
      await post(`/api/orders/${waiting.orderId}/attention/retry`, { token: member }),
      await post(`/api/orders/${waiting.orderId}/attention/resolve`, { token: member, body: { reason: 'x' } }),
      await call(`${ctx.order.url}/api/orders/needs-attention`, {}),
      await post(`/api/orders/${2 ** 40}/attention/retry`, { token }),
      await post(`/api/orders/${confirmed.orderId}/attention/retry`, { token }),
      await post(`/api/orders/${confirmed.orderId}/attention/resolve`, { token, body: { reason: 'closing' } }),
      await post(`/api/orders/${waiting.orderId}/attention/resolve`, { token, body: {} }),
      await post(`/api/orders/${waiting.orderId}/attention/resolve`, { token, body: { reason: '   ' } }),
    ]
    const s = [await state(confirmed.orderId), await state(waiting.orderId)]

    expect({
      answers: answers.map((a) => [a.status, a.body.success, a.body.error?.code]),
      statuses: s.map((x) => [x.status, x.events.length]),
    }).toEqual({
      answers: [
        [403, false, 'COMMON-403'],
        [403, false, 'COMMON-403'],
        [403, false, 'COMMON-403'],
        [401, false, 'COMMON-401-001'],
        [404, false, 'ORDER-404-001'],
        [409, false, 'ORDER-409-008'],
        [409, false, 'ORDER-409-008'],
        [400, false, 'COMMON-400-004'],
        [400, false, 'COMMON-400-004'],
      ],
      statuses: [
        ['CONFIRMED', 0],
        ['NEEDS_ATTENTION', 0],
      ],
    })
  })
})
