import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from '../src/actors'
import { type Actor, codeOf, dataOf, type Reply } from '../src/client'
import { throughGateway } from '../src/front-door'
import { cancelOrder, orderReaches, shippingAddress } from '../src/orders'
import { paymentKey, paymentReaches } from '../src/payments'
import { orderAwaitingPayment, skuAt, stockedShelf } from '../src/saga'

const newAddress = { label: 'home', ...shippingAddress, isDefault: true }

/** The owner's address book and cart, as the owner reads them through the gateway. */
async function belongings(owner: Actor) {
  const [addresses, cart] = await Promise.all([
    throughGateway('/api/users/me/addresses', { token: owner.token }),
    throughGateway('/api/carts/me', { token: owner.token }),
  ])
  return { addresses: dataOf(addresses, 200, 'read addresses'), cart: dataOf(cart, 200, 'read cart') }
}

const answer = (reply: Reply) => `${reply.status} ${codeOf(reply)}`

describe('attacks: IDOR', () => {
  test("when a user reaches for another user's order, payment, address or cart item by id, then every answer is 404 (422 for an address named in a body, as for one that does not exist) and nothing changes", async () => {
    const [admin, owner, intruder] = await Promise.all([adminActor(), registerBuyer(), registerBuyer()])
    const shelf = await stockedShelf(admin, [3])
    const sku = skuAt(shelf, 0)
    const { order, payment } = await orderAwaitingPayment(owner, [{ skuId: sku, quantity: 1 }])
    const address = dataOf<{ id: number }>(
      await throughGateway('/api/users/me/addresses', {
        method: 'POST',
        body: newAddress,
        token: owner.token,
        key: crypto.randomUUID(),
      }),
      201,
      'add an address',
    )
    const cartItem = dataOf<{ cartItemId: number }>(
      await throughGateway('/api/carts/me/items', {
        method: 'POST',
        body: { skuId: sku, quantity: 2 },
        token: owner.token,
        key: crypto.randomUUID(),
      }),
      201,
      'add a cart item',
    )
    const before = await belongings(owner)
    const as = { token: intruder.token }
    const post = (body: unknown) => ({ ...as, method: 'POST', body, key: crypto.randomUUID() })

    const attempts = {
      readOrder: await throughGateway(`/api/orders/${order.orderId}`, as),
      cancelOrder: await throughGateway(`/api/orders/${order.orderId}/cancel`, { ...as, method: 'POST' }),
      refundOrder: await throughGateway(`/api/orders/${order.orderId}/refund`, post({})),
      readPayment: await throughGateway(`/api/payments/orders/${order.orderId}`, as),
      confirmPayment: await throughGateway(
        '/api/payments/confirm',
        post({ orderId: order.orderId, paymentKey: paymentKey(), amount: payment.amount }),
      ),
      changeAddress: await throughGateway(`/api/users/me/addresses/${address.id}`, {
        ...as,
        method: 'PATCH',
        body: { recipient: 'Intruder' },
      }),
      deleteAddress: await throughGateway(`/api/users/me/addresses/${address.id}`, { ...as, method: 'DELETE' }),
      orderToTheirAddress: await throughGateway(
        '/api/orders',
        post({ items: [{ skuId: sku, quantity: 1 }], shippingAddressId: address.id }),
      ),
      // The same answer as for an address that does not exist: the id leaks nothing.
      orderToNoSuchAddress: await throughGateway(
        '/api/orders',
        post({ items: [{ skuId: sku, quantity: 1 }], shippingAddressId: 2_000_000_000 }),
      ),
      changeCartItem: await throughGateway(`/api/carts/me/items/${cartItem.cartItemId}`, {
        ...as,
        method: 'PATCH',
        body: { quantity: 3 },
      }),
      deleteCartItem: await throughGateway(`/api/carts/me/items/${cartItem.cartItemId}`, { ...as, method: 'DELETE' }),
    }

    expect({
      answers: Object.fromEntries(Object.entries(attempts).map(([name, reply]) => [name, answer(reply)])),
      order: (await orderReaches(owner, order.orderId, ['PAYMENT_PENDING'])).status,
      payment: (await paymentReaches(owner, order.orderId, ['READY'])).status,
      belongings: await belongings(owner),
      intrudersOrders: dataOf(await throughGateway('/api/orders?page=0&size=20', as), 200, 'list').totalItems,
    }).toEqual({
      answers: {
        readOrder: '404 ORDER-404-001',
        cancelOrder: '404 ORDER-404-001',
        refundOrder: '404 ORDER-404-001',
        readPayment: '404 PAYMENT-404-001',
        confirmPayment: '404 PAYMENT-404-001',
        changeAddress: '404 MEMBER-404-002',
        deleteAddress: '404 MEMBER-404-002',
        orderToTheirAddress: '422 ORDER-422-004',
        orderToNoSuchAddress: '422 ORDER-422-004',
        changeCartItem: '404 CART-404-002',
        deleteCartItem: '404 CART-404-002',
      },
      order: 'PAYMENT_PENDING',
      payment: 'READY',
      belongings: before,
      intrudersOrders: 0,
    })
    await cancelOrder(owner, order.orderId)
  })
})
