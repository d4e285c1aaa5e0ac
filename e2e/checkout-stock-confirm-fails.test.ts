import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import { salesCount } from './src/catalog'
import { orderReaches, pathOf } from './src/orders'
import { confirmPayment, paymentKey, pgRecord } from './src/payments'
import { consistentEnd, orderAwaitingPayment, skuAt, stockedShelf } from './src/saga'
import { free, setConfirmFails, stockReaches } from './src/stock'

// Inventory's TEST-ONLY fault switch (services/inventory README; on under npm test's overlay) makes the stock
// confirmation of an order with the SKU fail: the payment was approved, so the order must cancel and refund it.

describe('issue 11 #7: the stock confirmation fails', () => {
  test('when inventory cannot confirm a paid order, then the order is CANCELLED, the charge refunded in full, the stock released and nothing counted as sold', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [5])
    const sku = skuAt(shelf, 0)
    await setConfirmFails(admin, { skuId: sku, on: true })
    const { order, payment } = await orderAwaitingPayment(buyer, [{ skuId: sku, quantity: 2 }])
    const key = paymentKey('approve')

    const confirmed = await confirmPayment(buyer, { orderId: order.orderId, paymentKey: key, amount: payment.amount })
    const cancelled = await orderReaches(buyer, order.orderId, ['CANCELLED'])
    // The switch off again: the SKU is still on sale, and nothing else (the README walkthrough…) should meet it.
    await setConfirmFails(admin, { skuId: sku, on: false })
    const end = await consistentEnd(buyer, order)
    const pg = await pgRecord(order.orderNo)

    expect({
      confirm: confirmed.status,
      path: pathOf(cancelled),
      end: { ...end, payment: end.payment === 'REFUNDED' || end.payment === 'CANCELED' ? 'given back' : end.payment },
      refund: pg && {
        paymentKey: pg.paymentKey,
        refunded: (pg.cancels ?? []).reduce((sum, c) => sum + c.cancelAmount, 0),
      },
      stock: await stockReaches(sku, free(5)),
      sales: await salesCount(shelf.productId),
    }).toEqual({
      confirm: 200,
      path: ['CREATED', 'PAYMENT_PENDING', 'PAID', 'CANCELLED'],
      end: { status: 'CANCELLED', payment: 'given back', pg: 'CANCELED', pgBalance: 0 },
      refund: { paymentKey: key, refunded: payment.amount },
      stock: free(5),
      sales: 0,
    })
  })
})
