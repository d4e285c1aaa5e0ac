import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import { waitFor } from './src/client'
import { e2eConfig } from './src/config'
import { orderReaches, pathOf } from './src/orders'
import { paymentStatus, pgRecord } from './src/payments'
import { orderAwaitingPayment, skuAt, stockedShelf } from './src/saga'
import { free, readStock, stockReaches } from './src/stock'

// The test overlay's window (PAYMENT_WINDOW_S, 20 s), the expiry job's period and the saga's hops.
const windowMs = e2eConfig.PAYMENT_WINDOW_S * 1000
const patienceMs = windowMs + 30_000

describe('issue 11 #6: the payment window closes', () => {
  test(
    'when the buyer never pays, then after the payment window the payment FAILS, the order is CANCELLED and the stock released',
    async () => {
      const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
      const shelf = await stockedShelf(admin, [4])
      const sku = skuAt(shelf, 0)
      const { order } = await orderAwaitingPayment(buyer, [{ skuId: sku, quantity: 3 }])
      const held = await readStock(sku)
      const since = performance.now()

      const failed = await waitFor(
        async () => (await paymentStatus(buyer, order.orderId)) === 'FAILED' && 'FAILED',
        `payment of order ${order.orderId} expired`,
        patienceMs,
      )
      const cancelled = await orderReaches(buyer, order.orderId, ['CANCELLED'])
      const expiredAfterMs = performance.now() - since

      expect({
        payment: failed,
        path: pathOf(cancelled),
        stock: { held, after: await stockReaches(sku, free(4)) },
        pg: await pgRecord(order.orderNo),
        withinWindowPlus30s: expiredAfterMs <= patienceMs,
      }).toEqual({
        payment: 'FAILED',
        path: ['CREATED', 'PAYMENT_PENDING', 'CANCELLED'],
        stock: { held: { onHand: 4, reserved: 3, available: 1 }, after: free(4) },
        pg: undefined,
        withinWindowPlus30s: true,
      })
    },
    patienceMs + 60_000,
  )
})
