import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import { type Actor, refusal, waitFor } from './src/client'
import { cancelOrder, orderReaches, type PlacedOrder, pathOf, placedOrder } from './src/orders'
import { confirmPayment, paymentKey, paymentReaches, paymentStatus, pgRecord } from './src/payments'
import { consistentEnd, orderAwaitingPayment, skuAt, stockedShelf } from './src/saga'
import { free, readStock, stockReaches } from './src/stock'

/** The payment once the cancellation has gone through payment: voided (CANCELED) or never created (404). */
const voidedOrNone = (buyer: Actor, order: PlacedOrder) =>
  waitFor(async () => {
    const status = await paymentStatus(buyer, order.orderId)
    return (status === 404 || status === 'CANCELED') && status
  }, `payment of order ${order.orderId} voided or absent`)

describe('issue 11 #5: the buyer cancels', () => {
  test('when the buyer cancels right after placing (CREATED), then the order is CANCELLED, nothing stays reserved and no payment is left', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [5])
    const sku = skuAt(shelf, 0)

    const order = await placedOrder(buyer, [{ skuId: sku, quantity: 2 }])
    const cancel = await cancelOrder(buyer, order.orderId)
    const cancelled = await orderReaches(buyer, order.orderId, ['CANCELLED'])
    const stock = await stockReaches(sku, free(5))

    // The reservation may have been made just before the cancellation arrived: either way it ends released.
    expect({
      cancel: cancel.status,
      cancelledFrom: cancelled.history.at(-1)?.from,
      stock,
      payment: await voidedOrNone(buyer, order),
      pg: await pgRecord(order.orderNo),
    }).toEqual({
      cancel: 200,
      cancelledFrom: expect.stringMatching(/^(CREATED|PAYMENT_PENDING)$/),
      stock: free(5),
      payment: expect.anything(),
      pg: undefined,
    })
  })

  test('when the buyer cancels while the payment is READY (PAYMENT_PENDING), then the order is CANCELLED, the stock released and the payment voided', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [5])
    const sku = skuAt(shelf, 0)
    const { order } = await orderAwaitingPayment(buyer, [{ skuId: sku, quantity: 2 }])
    await orderReaches(buyer, order.orderId, ['PAYMENT_PENDING'])
    const held = await readStock(sku)

    const cancel = await cancelOrder(buyer, order.orderId)
    const cancelled = await orderReaches(buyer, order.orderId, ['CANCELLED'])

    expect({
      cancel: cancel.status,
      path: pathOf(cancelled),
      stock: { held, after: await stockReaches(sku, free(5)) },
      payment: (await paymentReaches(buyer, order.orderId, ['CANCELED'])).status,
      pg: await pgRecord(order.orderNo),
    }).toEqual({
      cancel: 200,
      path: ['CREATED', 'PAYMENT_PENDING', 'CANCELLED'],
      stock: { held: { onHand: 5, reserved: 2, available: 3 }, after: free(5) },
      payment: 'CANCELED',
      pg: undefined,
    })
  })

  test('when a cancel races a confirm, then each order ends either CONFIRMED and charged, or CANCELLED with any charge refunded — never charged and cancelled', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const races = 6
    const shelf = await stockedShelf(admin, [races])
    const sku = skuAt(shelf, 0)

    const ends = await Promise.all(
      Array.from({ length: races }, async () => {
        const { order, payment } = await orderAwaitingPayment(buyer, [{ skuId: sku, quantity: 1 }])
        const body = { orderId: order.orderId, paymentKey: paymentKey('approve'), amount: payment.amount }
        await Promise.all([cancelOrder(buyer, order.orderId), confirmPayment(buyer, body)])
        const end = await consistentEnd(buyer, order)
        const pg = await pgRecord(order.orderNo)
        return { status: end.status, charged: pg !== undefined, refunded: pg?.status === 'CANCELED' }
      }),
    )
    const confirmed = ends.filter((e) => e.status === 'CONFIRMED').length

    // consistentEnd already refused any order the services disagree on; here: the shapes, and stock to match.
    for (const end of ends) {
      expect([
        { status: 'CONFIRMED', charged: true, refunded: false },
        { status: 'CANCELLED', charged: true, refunded: true },
        { status: 'CANCELLED', charged: false, refunded: false },
      ]).toContainEqual(end)
    }
    expect(await stockReaches(sku, free(races - confirmed))).toEqual(free(races - confirmed))
  })

  test('when the order is already CONFIRMED, then cancel is 409 ORDER-409-002 and nothing changes', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [2])
    const { order, payment } = await orderAwaitingPayment(buyer, [{ skuId: skuAt(shelf, 0), quantity: 1 }])
    await confirmPayment(buyer, { orderId: order.orderId, paymentKey: paymentKey(), amount: payment.amount })
    await orderReaches(buyer, order.orderId, ['CONFIRMED'])

    const cancel = await cancelOrder(buyer, order.orderId)

    expect({ cancel: refusal(cancel), end: await consistentEnd(buyer, order) }).toEqual({
      cancel: [409, 'ORDER-409-002'],
      end: { status: 'CONFIRMED', payment: 'APPROVED', pg: 'DONE', pgBalance: payment.amount },
    })
  })
})
