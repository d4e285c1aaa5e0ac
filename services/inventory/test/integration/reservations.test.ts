import { describe, expect, test } from 'bun:test'
import { OrderPlacedV1 } from '@commerce/contracts/order'
import { freshId, publishEvent, waitForOutboxEvent } from '@commerce/platform/testing'
import { balanceOf, inventoryUnderTest, stockedSku, storeOf } from './fixture'
import { ledgerOfOrder, placed, redisStock } from './saga-fixture'

// order.placed with several items: one Lua script reserves all of them or none (SPEC §6 step 2).

describe('multi-item reservations are all or nothing', () => {
  const ctx = inventoryUnderTest()
  const forOrder = (orderId: number) => (e: { data: unknown }) => (e.data as { orderId: number }).orderId === orderId
  const stockOf = async (skuId: number) => {
    const balance = await balanceOf(ctx.inventory.deps.db, skuId)
    return {
      redis: await redisStock(storeOf(ctx.inventory), skuId),
      balance: { available: balance?.available, reserved: balance?.reserved },
    }
  }
  const untouched = (available: number) => ({ redis: { available, reserved: 0 }, balance: { available, reserved: 0 } })

  test('when every item is in stock, then all are reserved in one operation and stock.reserved lists them merged by SKU', async () => {
    const a = await stockedSku(ctx.inventory, 5)
    const b = await stockedSku(ctx.inventory, 5)
    const orderId = freshId()
    const items = [
      { skuId: b, quantity: 1 },
      { skuId: a, quantity: 2 },
      { skuId: a, quantity: 1 },
    ]

    await publishEvent(ctx.inventory.deps.kafka, OrderPlacedV1, placed(orderId, items))
    const event = await waitForOutboxEvent(ctx.inventory.deps.db, 'stock.reserved', forOrder(orderId))

    expect({
      data: event.data,
      ledger: await ledgerOfOrder(ctx.inventory.deps.db, orderId),
      a: await stockOf(a),
      b: await stockOf(b),
    }).toEqual({
      data: {
        orderId,
        items: [
          { skuId: a, quantity: 3 },
          { skuId: b, quantity: 1 },
        ],
        expiresAt: expect.any(String),
      },
      ledger: [
        { kind: 'RESERVE', skuId: a, availableDelta: -3, reservedDelta: 3 },
        { kind: 'RESERVE', skuId: b, availableDelta: -1, reservedDelta: 1 },
      ],
      a: { redis: { available: 2, reserved: 3 }, balance: { available: 2, reserved: 3 } },
      b: { redis: { available: 4, reserved: 1 }, balance: { available: 4, reserved: 1 } },
    })
  })

  test('when one item is short, then nothing is reserved for the order and failedItems lists the short one with what is available', async () => {
    const plenty = await stockedSku(ctx.inventory, 5)
    const short = await stockedSku(ctx.inventory, 1)
    const orderId = freshId()
    const items = [
      { skuId: plenty, quantity: 2 },
      { skuId: short, quantity: 2 },
    ]

    await publishEvent(ctx.inventory.deps.kafka, OrderPlacedV1, placed(orderId, items))
    const event = await waitForOutboxEvent(ctx.inventory.deps.db, 'stock.reservation.failed', forOrder(orderId))

    expect({
      data: event.data,
      ledger: await ledgerOfOrder(ctx.inventory.deps.db, orderId),
      plenty: await stockOf(plenty),
      short: await stockOf(short),
    }).toEqual({
      data: {
        orderId,
        reason: 'NOT_ENOUGH_STOCK',
        failedItems: [{ skuId: short, requestedQuantity: 2, availableQuantity: 1 }],
      },
      ledger: [],
      plenty: untouched(5),
      short: untouched(1),
    })
  })

  test('when an item’s SKU is unknown to inventory, then the order fails with SKU_NOT_FOUND and the known SKU keeps its stock', async () => {
    const known = await stockedSku(ctx.inventory, 5)
    const unknown = freshId()
    const orderId = freshId()
    const items = [
      { skuId: known, quantity: 1 },
      { skuId: unknown, quantity: 1 },
    ]

    await publishEvent(ctx.inventory.deps.kafka, OrderPlacedV1, placed(orderId, items))
    const event = await waitForOutboxEvent(ctx.inventory.deps.db, 'stock.reservation.failed', forOrder(orderId))

    expect({ data: event.data, known: await stockOf(known), unknown: await stockOf(unknown) }).toEqual({
      data: { orderId, reason: 'SKU_NOT_FOUND', failedItems: [{ skuId: unknown, requestedQuantity: 1 }] },
      known: untouched(5),
      unknown: { redis: undefined, balance: { available: undefined, reserved: undefined } },
    })
  })
})
