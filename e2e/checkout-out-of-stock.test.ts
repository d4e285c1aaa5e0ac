import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import { orderReaches, pathOf, placedOrder } from './src/orders'
import { getPayment, pgRecord } from './src/payments'
import { skuAt, stockedShelf } from './src/saga'
import { free, readStocks } from './src/stock'

describe('issue 11 #2: out of stock', () => {
  test('when one of two items is short, then the order FAILS, nothing is reserved of either SKU, and no payment exists', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [5, 1])
    const [plenty, short] = [skuAt(shelf, 0), skuAt(shelf, 1)]
    const before = await readStocks([plenty, short])

    const order = await placedOrder(buyer, [
      { skuId: plenty, quantity: 2 },
      { skuId: short, quantity: 2 },
    ])
    const failed = await orderReaches(buyer, order.orderId, ['FAILED'])

    const payment = await getPayment(buyer, order.orderId)
    expect({
      path: pathOf(failed),
      stock: { before, after: await readStocks([plenty, short]) },
      payment: payment.status,
      pg: await pgRecord(order.orderNo),
    }).toEqual({
      path: ['CREATED', 'FAILED'],
      stock: { before: [free(5), free(1)], after: [free(5), free(1)] },
      payment: 404,
      pg: undefined,
    })
  })
})
