import { describe, expect, test } from 'bun:test'
import { OrderPlacedV1 } from '@commerce/contracts/order'
import { eventually, freshId, publishEvent, waitForOutboxEvent } from '@commerce/platform/testing'
import { balanceOf, inventoryUnderTest, stockedSku } from './fixture'

describe('inventory reserves through order.placed', () => {
  const ctx = inventoryUnderTest()

  test('an order of 2 reserves 2 and publishes stock.reserved', async () => {
    const { inventory } = ctx
    const skuId = await stockedSku(inventory, 5)
    const orderId = freshId()
    await publishEvent(inventory.deps.kafka, OrderPlacedV1, {
      orderId,
      userId: 1,
      payableAmount: 2000,
      items: [{ skuId, quantity: 2, unitPrice: 1000 }],
    })
    const event = await waitForOutboxEvent(
      inventory.deps.db,
      'stock.reserved',
      (e) => (e.data as { orderId: number }).orderId === orderId,
    )
    expect(event.data).toMatchObject({ orderId, items: [{ skuId, quantity: 2 }] })
    const balance = await eventually(() => balanceOf(inventory.deps.db, skuId))
    expect(balance).toMatchObject({ available: 3, reserved: 2 })
  })
})
