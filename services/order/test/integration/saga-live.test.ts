import { describe, expect, test } from 'bun:test'
import { eventually, tokenFor } from '@commerce/platform/testing'
import { address, call, stack, testProducts } from './fixture'
import { orderWithConsumers } from './saga-fixture'

// The real round trip through the stack: order's outbox → Debezium → the stack's inventory → back to order.

const inventoryUrl = 'http://127.0.0.1:8083'

describe('saga with the stack inventory', () => {
  const { ctx, state } = orderWithConsumers()

  test('when an order is placed for stocked SKUs, then inventory reserves them and the order waits for payment; without stock it FAILS', async () => {
    const [admin, member] = [await tokenFor(stack.auth, ['USER', 'ADMIN']), await tokenFor(stack.auth, ['USER'])]
    const { small, large } = await testProducts(admin, 10_000)
    // Inventory learns new SKUs from product.sku.created; then an admin puts 5 units of `small` on sale.
    await eventually(async () => {
      const adjusted = await call(`${inventoryUrl}/api/inventories/${small.id}/adjust`, {
        method: 'POST',
        token: admin,
        key: `order-test-${small.id}`,
        body: { delta: 5, reason: 'order saga test' },
      })
      return adjusted.status === 200
    })
    const place = (skuId: number) =>
      call(`${ctx.order.url}/api/orders`, {
        method: 'POST',
        token: member,
        body: { items: [{ skuId, quantity: 2 }], shippingAddress: address },
      })

    const [stocked, empty] = [await place(small.id), await place(large.id)]

    const settled = (orderId: number, status: string) =>
      eventually(async () => ((await state(orderId)).status === status ? state(orderId) : undefined), {
        what: `order ${orderId} ${status}`,
      })
    const [a, b] = await Promise.all([
      settled(stocked.body.data.orderId, 'PAYMENT_PENDING'),
      settled(empty.body.data.orderId, 'FAILED'),
    ])
    expect([a.history.slice(1), b.history.slice(1)]).toEqual([
      [['CREATED', 'PAYMENT_PENDING', 'STOCK_RESERVED']],
      [['CREATED', 'FAILED', 'NOT_ENOUGH_STOCK']],
    ])
  })
})
