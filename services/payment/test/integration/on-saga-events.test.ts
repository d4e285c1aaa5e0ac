import { describe, expect, test } from 'bun:test'
import { StockReservedV1 } from '@commerce/contracts/inventory'
import { OrderCancelledV1, OrderPlacedV1 } from '@commerce/contracts/order'
import {
  eventually,
  freshId,
  inboxRows,
  publishBroken,
  publishEvent,
  publishRepeatedly,
  tapTopics,
} from '@commerce/platform/testing'
import { eventsOf, handled, paymentOf, paymentUnderTest, placed, reserved, typesOf, userIdOf } from './fixture'

// How the saga creates (or does not create) a payment: order.placed and stock.reserved in either order, repeats,
// broken records, and order.cancelled before the reservation (SPEC §6 step 3).

describe('payment creation from the saga', () => {
  const ctx = paymentUnderTest()
  const kafka = () => ctx.payment.deps.kafka
  const db = () => ctx.payment.deps.db
  const view = async (orderId: number) => {
    const p = await paymentOf(db(), orderId)
    return p && { status: p.status, amount: p.amount, userId: p.userId, orderNo: p.orderNo }
  }

  test('when order.placed then stock.reserved arrive, then one READY payment and payment.created carrying the saga ids', async () => {
    const orderId = freshId()
    const userId = userIdOf(ctx.buyer)
    const since = new Date(Date.now() - 1)
    const data = placed(orderId, userId)

    await handled(db(), await publishEvent(kafka(), OrderPlacedV1, data))
    const reservation = await publishEvent(kafka(), StockReservedV1, reserved(orderId))
    await handled(db(), reservation)

    const [created] = await eventsOf(db(), orderId, since)
    expect({ payment: await view(orderId), events: typesOf(await eventsOf(db(), orderId, since)) }).toEqual({
      payment: { status: 'READY', amount: 15_000, userId, orderNo: data.orderNo },
      events: ['payment.created'],
    })
    expect(created).toMatchObject({
      correlationid: String(orderId),
      causationid: reservation.id,
      data: { orderId, userId, amount: 15_000, currency: 'KRW' },
    })
  })

  test('when stock.reserved arrives before order.placed, then the payment is created once order.placed arrives', async () => {
    const orderId = freshId()
    const since = new Date(Date.now() - 1)

    await handled(db(), await publishEvent(kafka(), StockReservedV1, reserved(orderId)))
    const before = await view(orderId)
    await handled(db(), await publishEvent(kafka(), OrderPlacedV1, placed(orderId, userIdOf(ctx.buyer), 9_000)))

    expect({
      before,
      after: (await view(orderId))?.status,
      events: typesOf(await eventsOf(db(), orderId, since)),
    }).toEqual({
      before: undefined,
      after: 'READY',
      events: ['payment.created'],
    })
  })

  test('when each event arrives twice (one record redelivered), then the effect happens once', async () => {
    const orderId = freshId()
    const since = new Date(Date.now() - 1)

    const first = await publishRepeatedly(kafka(), OrderPlacedV1, { data: placed(orderId, 5), times: 2 })
    const second = await publishRepeatedly(kafka(), StockReservedV1, { data: reserved(orderId), times: 2 })
    await handled(db(), first)
    await handled(db(), second)
    // A second stock.reserved (another event id) for the same order changes nothing either.
    await handled(db(), await publishEvent(kafka(), StockReservedV1, reserved(orderId)))

    expect({
      events: typesOf(await eventsOf(db(), orderId, since)),
      inbox: [await inboxRows(db(), { consumer: 'payment', eventId: first.id })],
    }).toEqual({ events: ['payment.created'], inbox: [1] })
  })

  test('when order.cancelled arrives before stock.reserved, then no payment is ever created', async () => {
    const orderId = freshId()
    const since = new Date(Date.now() - 1)
    const cancelled = {
      orderId,
      reason: 'USER_REQUEST' as const,
      items: [{ skuId: 9_000_000_000_000_001, quantity: 1 }],
    }

    await handled(db(), await publishEvent(kafka(), OrderPlacedV1, placed(orderId, 5)))
    await handled(db(), await publishEvent(kafka(), OrderCancelledV1, cancelled))
    await handled(db(), await publishEvent(kafka(), StockReservedV1, reserved(orderId)))

    expect({ payment: await view(orderId), events: await eventsOf(db(), orderId, since) }).toEqual({
      payment: undefined,
      events: [],
    })
  })

  test('when an order.placed breaks its contract, then it lands in the DLQ and the partition moves on', async () => {
    await using dlq = await tapTopics(kafka(), ['commerce.order.events.dlq'])
    const orderId = freshId()
    const valid = placed(orderId, 5)
    const broken = await publishBroken(kafka(), OrderPlacedV1, { valid, broken: { ...valid, payableAmount: -1 } })
    await handled(db(), await publishEvent(kafka(), OrderPlacedV1, valid))
    await publishEvent(kafka(), StockReservedV1, reserved(orderId))

    const letter = await eventually(() => dlq.records.find((r) => r.headers['id'] === broken.id))
    await eventually(() => view(orderId))
    expect([letter.headers['dlq-reason'], await inboxRows(db(), { consumer: 'payment', eventId: broken.id })]).toEqual([
      'contract-violation',
      0,
    ])
  })
})
