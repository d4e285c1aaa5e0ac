import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import {
  attentionRows,
  listNeedingAttention,
  readAttention,
  resolveAttention,
  retryCompensation,
  setCancelFails,
} from './src/attention'
import { type Actor, dataOf, refusal, waitFor } from './src/client'
import { orderReaches, pathOf, readOrder, refundOrder } from './src/orders'
import { confirmPayment, paymentKey, paymentReaches, pgRecord } from './src/payments'
import { orderAwaitingPayment, skuAt, stockedShelf } from './src/saga'
import { free, stockReaches } from './src/stock'

// Issue 13 §3 / SPEC §6: a refund that still fails after its retries (the PG sandbox's cancel fault, switched per
// paymentKey) puts the order in NEEDS_ATTENTION; an operator retries it or resolves it with a reason. The test
// overlay gives payment 2 tries per refund, 200 ms apart, so a refund fails for good within seconds.

/** A CONFIRMED order whose paymentKey's refunds fail at the PG, then a full refund asked: it ends NEEDS_ATTENTION. */
async function orderNeedingAttention(admin: Actor, buyer: Actor) {
  const shelf = await stockedShelf(admin, [5])
  const sku = skuAt(shelf, 0)
  const { order, payment } = await orderAwaitingPayment(buyer, [{ skuId: sku, quantity: 2 }])
  const key = paymentKey('approve')
  await setCancelFails(key, true)
  await confirmPayment(buyer, { orderId: order.orderId, paymentKey: key, amount: payment.amount })
  await orderReaches(buyer, order.orderId, ['CONFIRMED'])
  dataOf(await refundOrder(buyer, order.orderId), 202, 'ask for the money back')
  const waiting = await orderReaches(buyer, order.orderId, ['NEEDS_ATTENTION'])
  return { order, payment, key, sku, waiting }
}

const notes = (history: { from: string | null; to: string; reason: string | null; actorId?: number }[]) =>
  history.filter((h) => h.from === h.to).map((h) => [h.reason?.split(':')[0], h.actorId ?? null])

describe('issue 13: a compensation that failed is a state an operator repairs', () => {
  test('when the PG refuses a refund on every try, then the order waits in NEEDS_ATTENTION on the operator list; once the PG works again an operator retry refunds it exactly once and the order is REFUNDED', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const { order, payment, key, sku, waiting } = await orderNeedingAttention(admin, buyer)
    const listed = (await attentionRows(admin)).find((r) => r.orderId === order.orderId)
    const before = {
      payment: (await paymentReaches(buyer, order.orderId, ['APPROVED'])).status,
      pg: await pgRecord(order.orderNo),
    }

    await setCancelFails(key, false)
    const retryKey = crypto.randomUUID()
    const retried = dataOf(await retryCompensation(admin, order.orderId, retryKey), 202, 'retry the refund')
    const replayed = dataOf(await retryCompensation(admin, order.orderId, retryKey), 202, 'the same retry again')
    const refunded = await orderReaches(buyer, order.orderId, ['REFUNDED'])
    const pg = await pgRecord(order.orderNo)
    const after = {
      payment: (await paymentReaches(buyer, order.orderId, ['REFUNDED'])).status,
      pg: pg && { status: pg.status, cancels: (pg.cancels ?? []).map((c) => c.cancelAmount) },
      stock: await stockReaches(sku, free(5)),
      listed: (await attentionRows(admin)).some((r) => r.orderId === order.orderId),
      attention: (await readAttention(admin, order.orderId)).attention,
      again: refusal(await retryCompensation(admin, order.orderId)),
    }

    expect({
      waiting: { path: pathOf(waiting), refunded: waiting.refundedAmount },
      listed: listed && { status: listed.status, reason: listed.reason.split(':').slice(0, 2) },
      before: { payment: before.payment, cancels: before.pg?.cancels ?? null },
      retried: { ...retried, retryRequestedAt: typeof retried.retryRequestedAt },
      replayed: replayed.retryRequestedAt === retried.retryRequestedAt,
      path: pathOf(refunded),
      notes: notes(refunded.history),
      refundedAmount: refunded.refundedAmount,
      after,
    }).toEqual({
      waiting: { path: ['CREATED', 'PAYMENT_PENDING', 'PAID', 'CONFIRMED', 'NEEDS_ATTENTION'], refunded: 0 },
      listed: { status: 'NEEDS_ATTENTION', reason: ['REFUND_FAILED', 'REFUND_REQUESTED'] },
      before: { payment: 'APPROVED', cancels: null },
      retried: { orderId: order.orderId, status: 'NEEDS_ATTENTION', retryRequestedAt: 'string' },
      replayed: true,
      path: ['CREATED', 'PAYMENT_PENDING', 'PAID', 'CONFIRMED', 'NEEDS_ATTENTION', 'REFUNDED'],
      notes: [
        ['REFUND_REQUESTED', null],
        ['RETRY_REQUESTED', admin.userId],
      ],
      refundedAmount: payment.amount,
      after: {
        payment: 'REFUNDED',
        pg: { status: 'CANCELED', cancels: [payment.amount] },
        stock: free(5),
        listed: false,
        attention: null,
        again: [409, 'ORDER-409-008'],
      },
    })
  })

  test('when a retry fails again and an operator then resolves the order with a reason, then it is RESOLVED for good, the reason and the operator in its history, and only admins may do any of it', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const { order, key } = await orderNeedingAttention(admin, buyer)

    const asBuyer = [
      refusal(await listNeedingAttention(buyer)),
      refusal(await retryCompensation(buyer, order.orderId)),
      refusal(await resolveAttention(buyer, { orderId: order.orderId, reason: 'mine' })),
    ]
    dataOf(await retryCompensation(admin, order.orderId), 202, 'retry while the PG still refuses')
    // The retry's tries fail too: payment.refund.failed again, a note on the order, which keeps waiting.
    const failedAgain = await waitFor(async () => {
      const now = await readOrder(buyer, order.orderId)
      return notes(now.history).length === 3 && now
    }, 'the retried refund failed again')
    const noReason = refusal(await resolveAttention(admin, { orderId: order.orderId }))
    const unknown = refusal(await resolveAttention(admin, { orderId: 2 ** 40, reason: 'typo' }))
    const reason = 'refunded by hand in the PG console, ticket OPS-1313'
    const resolveKey = crypto.randomUUID()
    const resolved = dataOf(
      await resolveAttention(admin, { orderId: order.orderId, reason }, resolveKey),
      200,
      'resolve',
    )
    const replayed = dataOf(await resolveAttention(admin, { orderId: order.orderId, reason }, resolveKey), 200, 'again')
    await setCancelFails(key, false)
    const after = await readOrder(buyer, order.orderId)
    const last = after.history.at(-1)

    expect({
      asBuyer,
      failedAgain: { status: failedAgain.status, notes: notes(failedAgain.history) },
      noReason,
      unknown,
      resolved,
      replayed,
      status: after.status,
      last: last && { from: last.from, to: last.to, reason: last.reason, actorId: last.actorId, note: last.note },
      laterRetry: refusal(await retryCompensation(admin, order.orderId)),
      laterResolve: refusal(await resolveAttention(admin, { orderId: order.orderId, reason: 'again' })),
      listed: (await attentionRows(admin)).some((r) => r.orderId === order.orderId),
    }).toEqual({
      asBuyer: [
        [403, 'COMMON-403'],
        [403, 'COMMON-403'],
        [403, 'COMMON-403'],
      ],
      failedAgain: {
        status: 'NEEDS_ATTENTION',
        notes: [
          ['REFUND_REQUESTED', null],
          ['RETRY_REQUESTED', admin.userId],
          ['REFUND_FAILED', null],
        ],
      },
      noReason: [400, 'COMMON-400-004'],
      unknown: [404, 'ORDER-404-001'],
      resolved: { orderId: order.orderId, status: 'RESOLVED', resolvedBy: admin.userId, reason },
      replayed: resolved,
      status: 'RESOLVED',
      last: {
        from: 'NEEDS_ATTENTION',
        to: 'RESOLVED',
        reason: 'RESOLVED_BY_OPERATOR',
        actorId: admin.userId,
        note: reason,
      },
      laterRetry: [409, 'ORDER-409-008'],
      laterResolve: [409, 'ORDER-409-008'],
      listed: false,
    })
  })
})
