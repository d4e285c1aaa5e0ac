import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import { salesCount } from './src/catalog'
import { refusal } from './src/client'
import { orderReaches, pathOf } from './src/orders'
import { confirmPayment, paymentKey, paymentReaches, pgRecord } from './src/payments'
import { orderAwaitingPayment, skuAt, stockedShelf } from './src/saga'
import { free, readStock, stockReaches } from './src/stock'

describe('issue 11 #3: PG decline', () => {
  test('when the PG declines the card, then 422 PAYMENT-422-001, the payment FAILS, the order is CANCELLED and the stock released', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [4])
    const sku = skuAt(shelf, 0)
    const before = await readStock(sku)
    const { order, payment } = await orderAwaitingPayment(buyer, [{ skuId: sku, quantity: 3 }])
    const held = await readStock(sku)

    const declined = await confirmPayment(buyer, {
      orderId: order.orderId,
      paymentKey: paymentKey('decline'),
      amount: payment.amount,
    })
    const cancelled = await orderReaches(buyer, order.orderId, ['CANCELLED'])
    const failed = await paymentReaches(buyer, order.orderId, ['FAILED'])

    expect({
      confirm: refusal(declined),
      path: pathOf(cancelled),
      payment: failed.status,
      stock: { before, held, after: await stockReaches(sku, free(4)) },
      pg: await pgRecord(order.orderNo),
      sales: await salesCount(shelf.productId),
    }).toEqual({
      confirm: [422, 'PAYMENT-422-001'],
      path: ['CREATED', 'PAYMENT_PENDING', 'CANCELLED'],
      payment: 'FAILED',
      stock: { before: free(4), held: { onHand: 4, reserved: 3, available: 1 }, after: free(4) },
      pg: undefined,
      sales: 0,
    })
  })

  test('when the amount sent does not match the payment, then 422 PAYMENT-422-003 and the payment stays READY', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [2])
    const { order, payment } = await orderAwaitingPayment(buyer, [{ skuId: skuAt(shelf, 0), quantity: 1 }])

    const wrong = await confirmPayment(buyer, {
      orderId: order.orderId,
      paymentKey: paymentKey('approve'),
      amount: payment.amount - 1,
    })

    expect({
      confirm: refusal(wrong),
      payment: (await paymentReaches(buyer, order.orderId, ['READY'])).status,
      pg: await pgRecord(order.orderNo),
    }).toEqual({ confirm: [422, 'PAYMENT-422-003'], payment: 'READY', pg: undefined })
  })
})
