import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import { salesCountReaches } from './src/catalog'
import { type Actor, polling } from './src/client'
import { cancelOrder, type OrderStatus, orderReaches, type PlacedOrder, placeOrder, readOrder } from './src/orders'
import { confirmPayment, paymentKey, paymentReaches } from './src/payments'
import { consistentEnd, linesOf, type Plan, planOf, type SagaView, stockedShelf } from './src/saga'
import { free, stockReaches } from './src/stock'

const orders = 200
const buyers = 20
const deadlineMs = 60_000
// Three SKUs with plenty and one with little, so some orders find it short and FAIL.
const initialStock = [60, 60, 60, 12]

/** Drives one order as its buyer would, then waits until every service agrees on how it ended. */
async function drive(buyer: Actor, order: PlacedOrder, plan: Plan): Promise<SagaView> {
  if (plan !== 'abandon' && 'cancel' in plan && plan.cancel === 'before-paying') {
    await cancelOrder(buyer, order.orderId)
  } else if (plan !== 'abandon') {
    const ready = await Promise.race([
      paymentReaches(buyer, order.orderId, ['READY']),
      orderReaches(buyer, order.orderId, ['FAILED']).then(() => undefined),
    ])
    if (ready) {
      const confirm = confirmPayment(buyer, {
        orderId: order.orderId,
        paymentKey: paymentKey('pay' in plan ? plan.pay : 'approve'),
        amount: ready.amount,
      })
      await Promise.all([confirm, 'cancel' in plan ? cancelOrder(buyer, order.orderId) : undefined])
    }
  }
  return consistentEnd(buyer, order, deadlineMs)
}

describe('issue 11: 200 checkouts at once', () => {
  beforeAll(() => {
    polling.intervalMs = 500
  })
  afterAll(() => {
    polling.intervalMs = 100
  })

  test('when 200 orders with a mix of outcomes are placed at once, then all end consistently within 60 s and stock plus sold units is conserved', async () => {
    const admin = await adminActor()
    const people = await Promise.all(Array.from({ length: buyers }, registerBuyer))
    const shelf = await stockedShelf(admin, initialStock)
    const started = performance.now()

    const placed = await Promise.all(
      Array.from({ length: orders }, async (_, n) => {
        const buyer = people[n % buyers] as Actor
        const reply = await placeOrder(buyer, linesOf(shelf, n))
        if (reply.status !== 201) throw new Error(`order ${n}: ${reply.status} ${JSON.stringify(reply.body)}`)
        return { n, buyer, order: reply.body.data as PlacedOrder }
      }),
    )
    const ends = await Promise.all(placed.map((p) => drive(p.buyer, p.order, planOf(p.n))))
    const elapsedMs = performance.now() - started

    // Units sold per SKU: the lines of the CONFIRMED orders, as the orders themselves tell it.
    const sold = new Map<number, number>()
    const views = await Promise.all(placed.map((p) => readOrder(p.buyer, p.order.orderId)))
    for (const view of views.filter((v) => v.status === 'CONFIRMED')) {
      for (const item of view.items) sold.set(item.skuId, (sold.get(item.skuId) ?? 0) + item.quantity)
    }
    const stockAfter = await Promise.all(
      shelf.skus.map((s) => stockReaches(s.skuId, free(s.stock - (sold.get(s.skuId) ?? 0)))),
    )
    const totalSold = [...sold.values()].reduce((a, b) => a + b, 0)
    const byStatus: Partial<Record<OrderStatus, number>> = {}
    for (const end of ends) byStatus[end.status] = (byStatus[end.status] ?? 0) + 1
    console.log(
      `200 checkouts: ${JSON.stringify(byStatus)} in ${(elapsedMs / 1000).toFixed(1)} s, ${totalSold} units sold`,
    )

    expect({
      allEnded: ends.length,
      withinDeadline: elapsedMs <= deadlineMs,
      everyOutcome: ['CONFIRMED', 'CANCELLED', 'FAILED'].every((s) => (byStatus[s as OrderStatus] ?? 0) > 0),
      conserved: stockAfter.reduce((sum, s) => sum + s.onHand, 0) + totalSold,
      nothingReserved: stockAfter.every((s) => s.reserved === 0),
      sales: await salesCountReaches(shelf.productId, totalSold),
    }).toEqual({
      allEnded: orders,
      withinDeadline: true,
      everyOutcome: true,
      conserved: initialStock.reduce((a, b) => a + b, 0),
      nothingReserved: true,
      sales: totalSold,
    })
  }, 180_000)
})
