import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import { salesCountReaches } from './src/catalog'
import { dataOf } from './src/client'
import { orderReaches, readOrder, refundOrder } from './src/orders'
import { confirmPayment, paymentKey, paymentReaches, pgRecord } from './src/payments'
import { orderAwaitingPayment, skuAt, stockedShelf } from './src/saga'
import { free, stockReaches } from './src/stock'

describe('issue 11 #8: refunds', () => {
  test('when the buyer refunds one item and then the rest, then the order goes PARTIALLY_REFUNDED then REFUNDED, the PG gives the money back in two parts, and the stock and sales follow', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [10, 10])
    const [a, b] = [skuAt(shelf, 0), skuAt(shelf, 1)]
    const { order, payment } = await orderAwaitingPayment(buyer, [
      { skuId: a, quantity: 2 },
      { skuId: b, quantity: 1 },
    ])
    await confirmPayment(buyer, { orderId: order.orderId, paymentKey: paymentKey(), amount: payment.amount })
    const confirmed = await orderReaches(buyer, order.orderId, ['CONFIRMED'])
    await salesCountReaches(shelf.productId, 3)
    const itemOf = (skuId: number) => confirmed.items.find((i) => i.skuId === skuId)
    const [itemA, itemB] = [itemOf(a), itemOf(b)]
    if (!itemA || !itemB) throw new Error(`the order lacks an item: ${JSON.stringify(confirmed.items)}`)

    const first = dataOf(await refundOrder(buyer, order.orderId, [itemA.itemId]), 202, 'refund item A')
    const partial = await orderReaches(buyer, order.orderId, ['PARTIALLY_REFUNDED'])
    const afterFirst = {
      payment: (await paymentReaches(buyer, order.orderId, ['PARTIALLY_REFUNDED'])).status,
      pg: (await pgRecord(order.orderNo))?.balanceAmount,
      stock: [await stockReaches(a, free(10)), await stockReaches(b, free(9))],
      sales: await salesCountReaches(shelf.productId, 1),
      refundedAmount: partial.refundedAmount,
    }

    const second = dataOf(await refundOrder(buyer, order.orderId), 202, 'refund the rest')
    const refunded = await orderReaches(buyer, order.orderId, ['REFUNDED'])
    const pg = await pgRecord(order.orderNo)
    const afterSecond = {
      payment: (await paymentReaches(buyer, order.orderId, ['REFUNDED'])).status,
      pg: pg && {
        status: pg.status,
        balance: pg.balanceAmount,
        cancels: (pg.cancels ?? []).map((c) => c.cancelAmount),
      },
      stock: [await stockReaches(a, free(10)), await stockReaches(b, free(10))],
      sales: await salesCountReaches(shelf.productId, 0),
      refundedAmount: refunded.refundedAmount,
      items: (await readOrder(buyer, order.orderId)).items.map((i) => i.status),
    }

    expect({ first, afterFirst, second, afterSecond }).toEqual({
      first: {
        orderId: order.orderId,
        refundAmount: itemA.lineAmount,
        refundedItemIds: [itemA.itemId],
        orderStatus: 'CONFIRMED',
      },
      afterFirst: {
        payment: 'PARTIALLY_REFUNDED',
        pg: payment.amount - itemA.lineAmount,
        stock: [free(10), free(9)],
        sales: 1,
        refundedAmount: itemA.lineAmount,
      },
      // The refund that leaves nothing unrefunded gives back the rest, shipping included (services/order README).
      second: {
        orderId: order.orderId,
        refundAmount: payment.amount - itemA.lineAmount,
        refundedItemIds: [itemB.itemId],
        orderStatus: 'PARTIALLY_REFUNDED',
      },
      afterSecond: {
        payment: 'REFUNDED',
        pg: { status: 'CANCELED', balance: 0, cancels: [itemA.lineAmount, payment.amount - itemA.lineAmount] },
        stock: [free(10), free(10)],
        sales: 0,
        refundedAmount: payment.amount,
        items: ['REFUNDED', 'REFUNDED'],
      },
    })
  })
})
