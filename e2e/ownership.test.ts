import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import { refusal } from './src/client'
import { cancelOrder, getOrder, listOrders, orderReaches, refundOrder } from './src/orders'
import { confirmPayment, getPayment, paymentKey, paymentReaches } from './src/payments'
import { orderAwaitingPayment, skuAt, stockedShelf } from './src/saga'
import { free, stockReaches } from './src/stock'

describe("issue 11 #10: someone else's order", () => {
  test("when another user reads, cancels, refunds or pays someone else's order, then every answer is 404 and the order is untouched", async () => {
    const [admin, owner, other] = await Promise.all([adminActor(), registerBuyer(), registerBuyer()])
    const shelf = await stockedShelf(admin, [3])
    const sku = skuAt(shelf, 0)
    const { order, payment } = await orderAwaitingPayment(owner, [{ skuId: sku, quantity: 1 }])
    await orderReaches(owner, order.orderId, ['PAYMENT_PENDING'])

    const attempts = {
      read: await getOrder(other, order.orderId),
      cancel: await cancelOrder(other, order.orderId),
      refund: await refundOrder(other, order.orderId),
      payment: await getPayment(other, order.orderId),
      pay: await confirmPayment(other, { orderId: order.orderId, paymentKey: paymentKey(), amount: payment.amount }),
    }
    const statusOnly = Object.fromEntries(Object.entries(attempts).map(([name, reply]) => [name, reply.status]))

    expect({
      attempts: statusOnly,
      codesAreErrors: Object.values(attempts).every((r) => typeof refusal(r)[1] === 'string'),
      othersList: (await listOrders(other)).totalItems,
      order: (await orderReaches(owner, order.orderId, ['PAYMENT_PENDING'])).status,
      payment: (await paymentReaches(owner, order.orderId, ['READY'])).status,
    }).toEqual({
      attempts: { read: 404, cancel: 404, refund: 404, payment: 404, pay: 404 },
      codesAreErrors: true,
      othersList: 0,
      order: 'PAYMENT_PENDING',
      payment: 'READY',
    })
    await cancelOrder(owner, order.orderId)
    await stockReaches(sku, free(3))
  })
})
