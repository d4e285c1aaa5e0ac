import { describe, expect, test } from 'bun:test'
import type { CloudEvent } from '@commerce/contracts'
import { OrderCancelledV1, OrderConfirmedV1, OrderPlacedV1, OrderRefundedV1 } from '@commerce/contracts/order'
import { eventually, freshId, inboxRows, publishEvent, publishRepeatedly } from '@commerce/platform/testing'
import { balanceOf, inventoryUnderTest, stockedSku, storeOf } from './fixture'
import { ledgerOfOrder, outboxOf, placed, redisStock, typesOf } from './saga-fixture'

// Redeliveries, repeated saga events and events that overtake each other: each has one effect (SPEC §5, §6).

describe('duplicate and out-of-order saga events', () => {
  const ctx = inventoryUnderTest()
  const kafka = () => ctx.inventory.deps.kafka
  const db = () => ctx.inventory.deps.db
  /** Waits until group `inventory` (this process or the stack's, whichever owns the partition) handled `event`. */
  const handled = (event: CloudEvent<unknown>) =>
    eventually(async () => (await inboxRows(db(), { consumer: 'inventory', eventId: event.id })) === 1, {
      what: `${event.type} handled`,
    })
  const stockOf = async (skuId: number) => {
    const balance = await balanceOf(db(), skuId)
    return {
      redis: await redisStock(storeOf(ctx.inventory), skuId),
      balance: { available: balance?.available, reserved: balance?.reserved },
    }
  }
  const both = (available: number, reserved: number) => ({
    redis: { available, reserved },
    balance: { available, reserved },
  })
  const lines = (skuId: number, quantity: number) => [{ skuId, quantity }]
  const cancelled = (orderId: number, skuId: number) => ({
    orderId,
    reason: 'USER_REQUEST' as const,
    items: lines(skuId, 2),
  })

  /** A SKU with 5 units and an order holding 2 of them (its stock.reserved written); `since` precedes the order. */
  async function reservedOrder() {
    const skuId = await stockedSku(ctx.inventory, 5)
    const orderId = freshId()
    const since = new Date()
    await handled(await publishEvent(kafka(), OrderPlacedV1, placed(orderId, lines(skuId, 2))))
    return { skuId, orderId, since }
  }

  test('when the same order.placed record arrives twice and a second order.placed follows, then one reservation and one stock.reserved', async () => {
    const skuId = await stockedSku(ctx.inventory, 5)
    const orderId = freshId()
    const since = new Date()
    const data = placed(orderId, lines(skuId, 2))

    await publishRepeatedly(kafka(), OrderPlacedV1, { data, times: 2 })
    await handled(await publishEvent(kafka(), OrderPlacedV1, data))

    expect({
      events: typesOf(await outboxOf(db(), [orderId], since)),
      ledger: (await ledgerOfOrder(db(), orderId)).map((r) => r.kind),
      stock: await stockOf(skuId),
    }).toEqual({ events: ['stock.reserved'], ledger: ['RESERVE'], stock: both(3, 2) })
  })

  test('when order.confirmed arrives twice, then the reserved units are sold once and stock.confirmed is published once', async () => {
    const { skuId, orderId, since } = await reservedOrder()

    await publishEvent(kafka(), OrderConfirmedV1, { orderId, items: lines(skuId, 2) })
    await handled(await publishEvent(kafka(), OrderConfirmedV1, { orderId, items: lines(skuId, 2) }))

    expect({
      events: typesOf(await outboxOf(db(), [orderId], since)),
      ledger: (await ledgerOfOrder(db(), orderId)).map((r) => r.kind),
      stock: await stockOf(skuId),
    }).toEqual({ events: ['stock.reserved', 'stock.confirmed'], ledger: ['RESERVE', 'CONFIRM'], stock: both(3, 0) })
  })

  test('when order.cancelled arrives twice, then the reservation is released once and stock.released lists its items once', async () => {
    const { skuId, orderId, since } = await reservedOrder()

    await publishEvent(kafka(), OrderCancelledV1, cancelled(orderId, skuId))
    await handled(await publishEvent(kafka(), OrderCancelledV1, cancelled(orderId, skuId)))

    const events = await outboxOf(db(), [orderId], since)
    expect({
      events: events.map((e) => [e.type, e.data['items']]),
      ledger: (await ledgerOfOrder(db(), orderId)).map((r) => [r.kind, r.availableDelta, r.reservedDelta]),
      stock: await stockOf(skuId),
    }).toEqual({
      events: [
        ['stock.reserved', lines(skuId, 2)],
        ['stock.released', lines(skuId, 2)],
      ],
      ledger: [
        ['RESERVE', -2, 2],
        ['RELEASE', 2, -2],
      ],
      stock: both(5, 0),
    })
  })

  test('when order.cancelled arrives before order.placed, then stock.released has no items and the late order.placed reserves and publishes nothing', async () => {
    const skuId = await stockedSku(ctx.inventory, 5)
    const orderId = freshId()
    const since = new Date()

    await handled(await publishEvent(kafka(), OrderCancelledV1, cancelled(orderId, skuId)))
    await handled(await publishEvent(kafka(), OrderPlacedV1, placed(orderId, lines(skuId, 2))))

    const events = await outboxOf(db(), [orderId], since)
    expect({
      events: events.map((e) => [e.type, e.data['items']]),
      ledger: await ledgerOfOrder(db(), orderId),
      stock: await stockOf(skuId),
    }).toEqual({ events: [['stock.released', []]], ledger: [], stock: both(5, 0) })
  })

  test('when order.refunded arrives twice and then again with one more item, then each refunded item goes back on sale once', async () => {
    const [a, b] = [await stockedSku(ctx.inventory, 5), await stockedSku(ctx.inventory, 5)]
    const orderId = freshId()
    const refund = (items: { itemId: number; skuId: number; quantity: number }[]) => ({
      ...{
        orderId,
        userId: 1,
        refundedAmount: 1_000,
        totalRefundedAmount: 1_000,
        status: 'PARTIALLY_REFUNDED' as const,
      },
      items,
    })
    const first = refund([
      { itemId: 1, skuId: a, quantity: 2 },
      { itemId: 2, skuId: b, quantity: 1 },
    ])

    await publishEvent(kafka(), OrderRefundedV1, first)
    await publishEvent(kafka(), OrderRefundedV1, first)
    const more = refund([
      { itemId: 1, skuId: a, quantity: 2 },
      { itemId: 3, skuId: a, quantity: 1 },
    ])
    await handled(await publishEvent(kafka(), OrderRefundedV1, more))

    expect({
      ledger: (await ledgerOfOrder(db(), orderId)).map((r) => [r.kind, r.skuId, r.availableDelta]),
      a: await stockOf(a),
      b: await stockOf(b),
    }).toEqual({
      ledger: [
        ['RESTOCK', a, 2],
        ['RESTOCK', b, 1],
        ['RESTOCK', a, 1],
      ],
      a: both(8, 0),
      b: both(6, 0),
    })
  })

  test('when an order takes the last units and is then cancelled, then stock.depleted and stock.restored are published once each', async () => {
    const skuId = await stockedSku(ctx.inventory, 2)
    const orderId = freshId()
    const since = new Date()

    await handled(await publishEvent(kafka(), OrderPlacedV1, placed(orderId, lines(skuId, 2))))
    await handled(await publishEvent(kafka(), OrderCancelledV1, cancelled(orderId, skuId)))

    // Keyed by SKU; the SKU's own creation (depleted at 0) and stocking (restored) carry no order id.
    const crossings = (await outboxOf(db(), [skuId], since)).filter((e) => e.data['orderId'] === orderId)
    expect(crossings.map((e) => [e.type, e.data])).toEqual([
      ['stock.depleted', { skuId, orderId }],
      ['stock.restored', { skuId, orderId }],
    ])
  })
})
