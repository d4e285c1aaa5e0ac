import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from '../src/actors'
import { codeOf, dataOf, type Reply } from '../src/client'
import { chargeFor } from '../src/config'
import { throughGateway } from '../src/front-door'
import { cancelOrder, orderReaches, shippingAddress } from '../src/orders'
import { paymentKey, paymentReaches, pgRecord, pgState } from '../src/payments'
import { orderAwaitingPayment, skuAt, stockedShelf } from '../src/saga'

const answer = (reply: Reply) => `${reply.status} ${codeOf(reply)}`

describe('attacks: payment amount tampering', () => {
  test("when a confirm names an amount other than the order's total, then it is refused with a code, the payment stays READY and the PG approves nothing", async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const sku = skuAt(await stockedShelf(admin, [2], 30_000), 0)
    const { order, payment } = await orderAwaitingPayment(buyer, [{ skuId: sku, quantity: 1 }])
    const confirm = (amount: unknown, key = paymentKey()) =>
      throughGateway('/api/payments/confirm', {
        method: 'POST',
        body: { orderId: order.orderId, paymentKey: key, amount },
        token: buyer.token,
        key: crypto.randomUUID(),
      })

    const tampered = {
      oneWon: answer(await confirm(1)),
      oneLess: answer(await confirm(payment.amount - 1)),
      oneMore: answer(await confirm(payment.amount + 1)),
      shippingOnly: answer(await confirm(payment.amount - 30_000)),
      zero: answer(await confirm(0)),
      negative: answer(await confirm(-payment.amount)),
      fraction: answer(await confirm(payment.amount - 0.5)),
      asText: answer(await confirm(String(payment.amount - 1))),
      huge: answer(await confirm(Number.MAX_SAFE_INTEGER)),
    }
    const afterTampering = {
      payment: (await paymentReaches(buyer, order.orderId, ['READY'])).status,
      pg: await pgState(order.orderNo),
    }

    expect({ amount: payment.amount, tampered, afterTampering }).toEqual({
      amount: order.totalAmount,
      tampered: {
        oneWon: '422 PAYMENT-422-003',
        oneLess: '422 PAYMENT-422-003',
        oneMore: '422 PAYMENT-422-003',
        shippingOnly: '422 PAYMENT-422-003',
        zero: '400 COMMON-400-004',
        negative: '400 COMMON-400-004',
        fraction: '400 COMMON-400-004',
        asText: '422 PAYMENT-422-003', // a numeric string is read as the number it spells
        huge: '422 PAYMENT-422-003',
      },
      afterTampering: { payment: 'READY', pg: 'none' },
    })
    await cancelOrder(buyer, order.orderId)
  })

  test('when an approved payment is confirmed again with a smaller amount, then it is refused and the PG still holds the whole total once', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const sku = skuAt(await stockedShelf(admin, [2], 30_000), 0)
    const { order, payment } = await orderAwaitingPayment(buyer, [{ skuId: sku, quantity: 1 }])
    const key = paymentKey()
    const confirm = (amount: number) =>
      throughGateway('/api/payments/confirm', {
        method: 'POST',
        body: { orderId: order.orderId, paymentKey: key, amount },
        token: buyer.token,
        key: crypto.randomUUID(),
      })
    const approved = await confirm(payment.amount)

    const again = await confirm(1)

    await orderReaches(buyer, order.orderId, ['CONFIRMED'])
    const pg = await pgRecord(order.orderNo)
    expect({
      approved: approved.status,
      again: answer(again),
      payment: (await paymentReaches(buyer, order.orderId, ['APPROVED'])).amount,
      pg: { status: pg?.status, totalAmount: pg?.totalAmount, balanceAmount: pg?.balanceAmount },
    }).toEqual({
      approved: 200,
      again: '422 PAYMENT-422-003',
      payment: order.totalAmount,
      pg: { status: 'DONE', totalAmount: order.totalAmount, balanceAmount: order.totalAmount },
    })
  })

  test('when the order body names its own prices, then the total is the catalog price and a confirm for the forged total is refused', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const sku = skuAt(await stockedShelf(admin, [2], 30_000), 0)
    const placed = await throughGateway('/api/orders', {
      method: 'POST',
      body: { items: [{ skuId: sku, quantity: 2, unitPrice: 100, price: 100 }], shippingAddress, totalAmount: 200 },
      token: buyer.token,
      key: crypto.randomUUID(),
    })
    const order = dataOf<{ orderId: number; orderNo: string; totalAmount: number }>(placed, 201, 'place an order')
    await paymentReaches(buyer, order.orderId, ['READY'])

    const forged = await throughGateway('/api/payments/confirm', {
      method: 'POST',
      body: { orderId: order.orderId, paymentKey: paymentKey(), amount: 200 },
      token: buyer.token,
      key: crypto.randomUUID(),
    })

    expect({ total: order.totalAmount, forged: answer(forged), pg: await pgState(order.orderNo) }).toEqual({
      total: chargeFor(60_000),
      forged: '422 PAYMENT-422-003',
      pg: 'none',
    })
    await cancelOrder(buyer, order.orderId)
  })
})
