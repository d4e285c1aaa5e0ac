import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import { confirmPayment, paymentKey, pgRecord } from './src/payments'
import { consistentEnd, orderAwaitingPayment, skuAt, stockedShelf } from './src/saga'
import { free, stockReaches } from './src/stock'

// The PG's unknown outcomes (SPEC §4): `error_` answers 500 on every try and charges nothing; `slow_` charges but
// answers after the payment service's timeout, which must learn the outcome (same Idempotency-Key, or the inquiry
// read) and never charge twice.

describe('issue 11 #4: PG 5xx and PG timeout', () => {
  test('when the PG answers 500 on every try, then nothing is charged, the payment FAILS, the order is CANCELLED and the stock released', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [3])
    const sku = skuAt(shelf, 0)
    const { order, payment } = await orderAwaitingPayment(buyer, [{ skuId: sku, quantity: 2 }])

    const answer = await confirmPayment(buyer, {
      orderId: order.orderId,
      paymentKey: paymentKey('error'),
      amount: payment.amount,
    })
    const end = await consistentEnd(buyer, order)

    expect({
      confirmWasNotOk: answer.status !== 200,
      end,
      stock: await stockReaches(sku, free(3)),
    }).toEqual({
      confirmWasNotOk: true,
      end: { status: 'CANCELLED', payment: 'FAILED', pg: 'none', pgBalance: 0 },
      stock: free(3),
    })
  })

  test('when the PG charges but answers after the timeout, then the charge is made once and the order ends CONFIRMED or CANCELLED with the charge given back, consistently everywhere', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [3])
    const sku = skuAt(shelf, 0)
    const { order, payment } = await orderAwaitingPayment(buyer, [{ skuId: sku, quantity: 2 }])
    const key = paymentKey('slow')

    // The client retries its confirm as a browser would after a slow answer: one charge whatever happens.
    await Promise.all([
      confirmPayment(buyer, { orderId: order.orderId, paymentKey: key, amount: payment.amount }),
      confirmPayment(buyer, { orderId: order.orderId, paymentKey: key, amount: payment.amount }),
    ])
    const end = await consistentEnd(buyer, order, 90_000)
    const pg = await pgRecord(order.orderNo)
    const sold = end.status === 'CONFIRMED'

    expect({
      end,
      charge: pg && { paymentKey: pg.paymentKey, totalAmount: pg.totalAmount, cancelled: (pg.cancels ?? []).length },
      stock: await stockReaches(sku, sold ? free(1) : free(3)),
    }).toEqual({
      end: sold
        ? { status: 'CONFIRMED', payment: 'APPROVED', pg: 'DONE', pgBalance: payment.amount }
        : { status: 'CANCELLED', payment: end.payment, pg: 'CANCELED', pgBalance: 0 },
      charge: { paymentKey: key, totalAmount: payment.amount, cancelled: sold ? 0 : 1 },
      stock: sold ? free(1) : free(3),
    })
  })
})
