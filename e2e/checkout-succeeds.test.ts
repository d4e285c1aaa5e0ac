import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import { salesCount, salesCountReaches } from './src/catalog'
import { dataOf } from './src/client'
import { chargeFor } from './src/config'
import { orderReaches, pathOf, placedOrder } from './src/orders'
import { confirmPayment, paymentKey, paymentReaches, pgRecord } from './src/payments'
import { skuAt, stockedShelf } from './src/saga'
import { free, readStocks, stockReaches } from './src/stock'

describe('issue 11 #1: checkout succeeds', () => {
  test('when a buyer orders two SKUs and pays, then the order is CONFIRMED, the stock sold, the payment APPROVED, charged once, and catalog counts the sales', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [10, 5])
    const [a, b] = [skuAt(shelf, 0), skuAt(shelf, 1)]
    const before = { stock: await readStocks([a, b]), sales: await salesCount(shelf.productId) }

    const order = await placedOrder(buyer, [
      { skuId: a, quantity: 2 },
      { skuId: b, quantity: 1 },
    ])
    const ready = await paymentReaches(buyer, order.orderId, ['READY'])
    const reservedWhileUnpaid = await readStocks([a, b])
    const key = paymentKey('approve')
    const confirmed = await confirmPayment(buyer, { orderId: order.orderId, paymentKey: key, amount: ready.amount })
    const final = await orderReaches(buyer, order.orderId, ['CONFIRMED'])
    const payment = await paymentReaches(buyer, order.orderId, ['APPROVED'])
    await salesCountReaches(shelf.productId, 3)
    const pg = await pgRecord(order.orderNo)

    expect({
      placed: [order.status, order.totalAmount],
      paymentAmount: ready.amount,
      confirm: [confirmed.status, dataOf(confirmed, 200, 'confirm').status],
      path: pathOf(final),
      payment: payment.status,
      stock: {
        before: before.stock,
        reservedWhileUnpaid,
        after: await Promise.all([stockReaches(a, free(8)), stockReaches(b, free(4))]),
      },
      sales: { before: before.sales, after: await salesCount(shelf.productId) },
      pg: pg && { paymentKey: pg.paymentKey, status: pg.status, totalAmount: pg.totalAmount, cancels: pg.cancels },
    }).toEqual({
      placed: ['CREATED', chargeFor(10_000 * 2 + 11_000)],
      paymentAmount: chargeFor(31_000),
      confirm: [200, 'APPROVED'],
      path: ['CREATED', 'PAYMENT_PENDING', 'PAID', 'CONFIRMED'],
      payment: 'APPROVED',
      stock: {
        before: [free(10), free(5)],
        reservedWhileUnpaid: [
          { onHand: 10, reserved: 2, available: 8 },
          { onHand: 5, reserved: 1, available: 4 },
        ],
        after: [free(8), free(4)],
      },
      sales: { before: 0, after: 3 },
      pg: { paymentKey: key, status: 'DONE', totalAmount: chargeFor(31_000), cancels: null },
    })
  })

  test('when the client confirms the same payment twice, then the second answer is the same 200 and the PG charged once', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [3])
    const order = await placedOrder(buyer, [{ skuId: skuAt(shelf, 0), quantity: 1 }])
    const ready = await paymentReaches(buyer, order.orderId, ['READY'])
    const body = { orderId: order.orderId, paymentKey: paymentKey('approve'), amount: ready.amount }

    const first = await confirmPayment(buyer, body)
    const second = await confirmPayment(buyer, body)
    await orderReaches(buyer, order.orderId, ['CONFIRMED'])

    const pg = await pgRecord(order.orderNo)
    expect({
      first: [first.status, first.body.data],
      second: [second.status, second.body.data],
      pg: pg && [pg.status, pg.totalAmount],
    }).toEqual({
      first: [200, { paymentId: ready.paymentId, status: 'APPROVED' }],
      second: [200, { paymentId: ready.paymentId, status: 'APPROVED' }],
      pg: ['DONE', chargeFor(10_000)],
    })
  })
})
