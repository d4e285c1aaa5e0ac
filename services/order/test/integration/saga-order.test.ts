import { describe, expect, test } from 'bun:test'
import { StockConfirmedV1, StockReservationExpiredV1, StockReservedV1 } from '@commerce/contracts/inventory'
import { PaymentCompletedV1, PaymentFailedV1, PaymentRefundedV1 } from '@commerce/contracts/payment'
import { eventually, publishEvent } from '@commerce/platform/testing'
import { orderWithConsumers, parkedRows, seedOrder } from './saga-fixture'

// Events that overtake each other, stale ones, refunds: SPEC §6 "an early event is never dropped".

const at = () => new Date().toISOString()

describe('saga order of events', () => {
  const { db, kafka, handled, state } = orderWithConsumers()
  const reserved = (orderId: number, lines: { skuId: number; quantity: number }[]) => ({
    orderId,
    items: lines,
    expiresAt: at(),
  })
  const completed = (orderId: number) => ({
    paymentId: orderId,
    orderId,
    pgTransactionId: 'tx-1',
    paidAmount: 23_000,
    currency: 'KRW' as const,
    approvedAt: '2026-03-01T09:30:00.000Z',
  })
  const failed = (orderId: number, reason: 'PG_DECLINED' | 'PAYMENT_TIMEOUT' | 'ORDER_CANCELLED') => ({
    paymentId: orderId,
    orderId,
    cancelledAmount: 23_000,
    currency: 'KRW' as const,
    reason,
    cancelledAt: at(),
  })
  const moves = async (orderId: number) => (await state(orderId)).history.slice(1)
  const published = async (orderId: number) =>
    (await state(orderId)).events.map((e) => [e.type, e.data['reason'] ?? null, e.correlationid])

  test('when payment.completed arrives before stock.reserved, then the order is PAID at once and the late stock.reserved changes nothing', async () => {
    const order = await seedOrder(db(), 'CREATED')
    await handled(await publishEvent(kafka(), PaymentCompletedV1, completed(order.orderId)))
    await handled(await publishEvent(kafka(), StockReservedV1, reserved(order.orderId, order.lines)))

    const s = await state(order.orderId)
    expect({ moves: s.history.slice(1, 2), first: s.events[0]?.type, paidAt: s.paidAt?.toISOString() }).toEqual({
      moves: [['CREATED', 'PAID', 'PAYMENT_COMPLETED']],
      first: 'order.confirmed',
      paidAt: '2026-03-01T09:30:00.000Z',
    })
    expect(s.history.some((h) => h[1] === 'PAYMENT_PENDING')).toBe(false)
  })

  test('when payment.failed arrives before stock.reserved, then the order is cancelled with order.cancelled and the late stock.reserved changes nothing', async () => {
    const order = await seedOrder(db(), 'CREATED')
    await handled(await publishEvent(kafka(), PaymentFailedV1, failed(order.orderId, 'PG_DECLINED')))
    await handled(await publishEvent(kafka(), StockReservedV1, reserved(order.orderId, order.lines)))

    expect({ moves: await moves(order.orderId), published: await published(order.orderId) }).toEqual({
      moves: [['CREATED', 'CANCELLED', 'PAYMENT_FAILED:PG_DECLINED']],
      published: [['order.cancelled', 'PAYMENT_FAILED', String(order.orderId)]],
    })
  })

  test('when stock.confirmed arrives before payment.completed, then it is parked without blocking and applied once the order is PAID', async () => {
    const order = await seedOrder(db(), 'PAYMENT_PENDING')
    const early = await publishEvent(kafka(), StockConfirmedV1, { orderId: order.orderId, items: order.lines })
    await eventually(async () => (await parkedRows(db(), early.id)) === 1, { what: 'stock.confirmed parked' })
    const waiting = await state(order.orderId)
    await handled(await publishEvent(kafka(), PaymentCompletedV1, completed(order.orderId)))
    // The retry-parked job offers it again (1 s backoff) and now it applies; its parked row goes right after the
    // handler's transaction commits (a crash in between only offers it once more, as a duplicate).
    await handled(early)
    await eventually(async () => (await parkedRows(db(), early.id)) === 0, { what: 'the parked row removed' })

    expect({
      waiting: [waiting.status, waiting.history.length],
      moves: (await moves(order.orderId)).slice(0, 2),
      parkedAfter: await parkedRows(db(), early.id),
    }).toEqual({
      waiting: ['PAYMENT_PENDING', 1],
      moves: [
        ['PAYMENT_PENDING', 'PAID', 'PAYMENT_COMPLETED'],
        ['PAID', 'CONFIRMED', 'STOCK_CONFIRMED'],
      ],
      parkedAfter: 0,
    })
  })

  test('when the payment window runs out, then order.cancelled says PAYMENT_TIMEOUT; a void of a cancelled order changes nothing', async () => {
    const order = await seedOrder(db(), 'PAYMENT_PENDING')
    await handled(await publishEvent(kafka(), PaymentFailedV1, failed(order.orderId, 'PAYMENT_TIMEOUT')))
    await handled(await publishEvent(kafka(), PaymentFailedV1, failed(order.orderId, 'ORDER_CANCELLED')))

    expect({ moves: await moves(order.orderId), published: await published(order.orderId) }).toEqual({
      moves: [['PAYMENT_PENDING', 'CANCELLED', 'PAYMENT_FAILED:PAYMENT_TIMEOUT']],
      published: [['order.cancelled', 'PAYMENT_TIMEOUT', String(order.orderId)]],
    })
  })

  test('when a paid order sees its reservation expire or a payment completes for a cancelled order, then nothing changes', async () => {
    const paid = await seedOrder(db(), 'PAID')
    const cancelled = await seedOrder(db(), 'CANCELLED')
    await handled(
      await publishEvent(kafka(), StockReservationExpiredV1, {
        ...reserved(paid.orderId, paid.lines),
        expiredAt: at(),
      }),
    )
    await handled(await publishEvent(kafka(), PaymentCompletedV1, completed(cancelled.orderId)))

    expect(
      [await state(paid.orderId), await state(cancelled.orderId)].map((s) => [
        s.status,
        s.history.length,
        s.events.length,
      ]),
    ).toEqual([
      ['PAID', 1, 0],
      ['CANCELLED', 1, 0],
    ])
  })

  test('when an event names an order this service never placed, then it is handled and changes nothing', async () => {
    const event = await publishEvent(
      kafka(),
      StockReservedV1,
      reserved(9_007_199_254_740_000, [{ skuId: 1, quantity: 1 }]),
    )
    await handled(event)
  })

  describe('refunds', () => {
    const refunded = (
      order: { orderId: number },
      input: { amount: number; itemIds?: number[]; reason?: 'REFUND_REQUESTED' | 'ORDER_CANCELLED' },
    ) => ({
      paymentId: order.orderId,
      orderId: order.orderId,
      pgTransactionId: 'tx-1',
      reason: input.reason ?? ('REFUND_REQUESTED' as const),
      refundedAmount: input.amount,
      totalRefundedAmount: input.amount,
      remainingAmount: 0,
      fullyRefunded: false,
      currency: 'KRW' as const,
      ...(input.itemIds ? { refundedItemIds: input.itemIds } : {}),
      refundedAt: at(),
    })

    test('when one item then the other is refunded, then the order is PARTIALLY_REFUNDED then REFUNDED with order.refunded each time', async () => {
      const order = await seedOrder(db(), 'CONFIRMED')
      const [first, second] = order.itemIds as [number, number]
      await handled(
        await publishEvent(kafka(), PaymentRefundedV1, refunded(order, { amount: 10_000, itemIds: [first] })),
      )
      const half = await state(order.orderId)
      const again = await publishEvent(
        kafka(),
        PaymentRefundedV1,
        refunded(order, { amount: 10_000, itemIds: [first] }),
      )
      await handled(again)
      await handled(
        await publishEvent(kafka(), PaymentRefundedV1, refunded(order, { amount: 13_000, itemIds: [second] })),
      )

      const s = await state(order.orderId)
      expect({
        half: [half.status, half.refundedAmount, half.itemStatuses],
        end: [s.status, s.refundedAmount, s.itemStatuses],
        moves: s.history.slice(1),
        refundedEvents: s.events.map((e) => e.data),
      }).toEqual({
        half: ['PARTIALLY_REFUNDED', 10_000, ['REFUNDED', 'ORDERED']],
        end: ['REFUNDED', 23_000, ['REFUNDED', 'REFUNDED']],
        moves: [
          ['CONFIRMED', 'PARTIALLY_REFUNDED', 'REFUNDED'],
          ['PARTIALLY_REFUNDED', 'REFUNDED', 'REFUNDED'],
        ],
        refundedEvents: [
          {
            orderId: order.orderId,
            userId: order.userId,
            refundedAmount: 10_000,
            totalRefundedAmount: 10_000,
            status: 'PARTIALLY_REFUNDED',
            items: [{ itemId: first, skuId: order.lines[0]?.skuId, quantity: 1 }],
          },
          {
            orderId: order.orderId,
            userId: order.userId,
            refundedAmount: 13_000,
            totalRefundedAmount: 23_000,
            status: 'REFUNDED',
            items: [{ itemId: second, skuId: order.lines[1]?.skuId, quantity: 2 }],
          },
        ],
      })
    })

    test('when a cancelled order that was charged is refunded, then it stays CANCELLED with the amount recorded', async () => {
      const order = await seedOrder(db(), 'CANCELLED')
      await handled(
        await publishEvent(kafka(), PaymentRefundedV1, refunded(order, { amount: 23_000, reason: 'ORDER_CANCELLED' })),
      )

      const s = await state(order.orderId)
      expect([s.status, s.refundedAmount, s.history.slice(1), s.events.length]).toEqual([
        'CANCELLED',
        23_000,
        [['CANCELLED', 'CANCELLED', 'REFUNDED_AFTER_CANCEL']],
        0,
      ])
    })
  })

  test('when payment.completed is handled, then order.confirmed carries the order id as correlation and the payment event as causation', async () => {
    const order = await seedOrder(db(), 'PAYMENT_PENDING')
    const event = await publishEvent(kafka(), PaymentCompletedV1, completed(order.orderId))
    await handled(event)
    const confirmed = await eventually(async () =>
      (await state(order.orderId)).events.find((e) => e.type === 'order.confirmed'),
    )
    expect([confirmed.correlationid, confirmed.causationid, confirmed.data]).toEqual([
      String(order.orderId),
      event.id,
      { orderId: order.orderId, items: order.lines },
    ])
  })
})
