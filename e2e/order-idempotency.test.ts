import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import { refusal } from './src/client'
import { cancelOrder, listOrders, placeOrder } from './src/orders'
import { skuAt, stockedShelf } from './src/saga'
import { free, stockReaches } from './src/stock'

describe('issue 11 #9: one Idempotency-Key, one order', () => {
  test('when the same POST /api/orders is sent twice with one key, then both answers are the same 201 and one order exists; another body with that key is 422', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [5])
    const sku = skuAt(shelf, 0)
    const key = crypto.randomUUID()

    const first = await placeOrder(buyer, [{ skuId: sku, quantity: 2 }], key)
    const again = await placeOrder(buyer, [{ skuId: sku, quantity: 2 }], key)
    const otherBody = await placeOrder(buyer, [{ skuId: sku, quantity: 1 }], key)
    const mine = await listOrders(buyer)
    // One order holds 2 units (reserved once): cancel it and the SKU is whole again.
    const reserved = await stockReaches(sku, { onHand: 5, reserved: 2, available: 3 })
    await cancelOrder(buyer, first.body.data.orderId)

    expect({
      first: first.status,
      again: [again.status, again.body.data],
      otherBody: refusal(otherBody),
      orders: mine.items.map((o) => o.orderId),
      reserved,
      afterCancel: await stockReaches(sku, free(5)),
    }).toEqual({
      first: 201,
      again: [201, first.body.data],
      otherBody: [422, 'COMMON-422-001'],
      orders: [first.body.data.orderId],
      reserved: { onHand: 5, reserved: 2, available: 3 },
      afterCancel: free(5),
    })
  })

  test('when eight copies of one POST /api/orders arrive at once, then every answer names the same order and one order exists', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [5])
    const sku = skuAt(shelf, 0)
    const key = crypto.randomUUID()

    const replies = await Promise.all(
      Array.from({ length: 8 }, () => placeOrder(buyer, [{ skuId: sku, quantity: 1 }], key)),
    )
    const mine = await listOrders(buyer)
    const orderIds = new Set(replies.map((r) => r.body?.data?.orderId))

    expect({
      statuses: [...new Set(replies.map((r) => r.status))],
      distinctOrders: orderIds.size,
      listed: mine.items.map((o) => o.orderId),
      reserved: await stockReaches(sku, { onHand: 5, reserved: 1, available: 4 }),
    }).toEqual({
      statuses: [201],
      distinctOrders: 1,
      listed: [...orderIds],
      reserved: { onHand: 5, reserved: 1, available: 4 },
    })
    await cancelOrder(buyer, [...orderIds][0] as number)
  })
})
