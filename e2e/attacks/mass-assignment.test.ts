import { describe, expect, test } from 'bun:test'
import { freshName } from '@commerce/platform/testing'
import { adminActor, registerBuyer } from '../src/actors'
import { dataOf } from '../src/client'
import { chargeFor } from '../src/config'
import { throughGateway } from '../src/front-door'
import { type OrderView, readOrder, shippingAddress } from '../src/orders'
import { paymentKey, paymentReaches, pgState } from '../src/payments'
import { skuAt, stockedShelf } from '../src/saga'
import { loginThroughGateway } from '../src/sessions'
import { jwtParts } from '../src/tokens'

// Fields a client has no say over, sent alongside the real ones: each must be ignored or refused, never stored.
const privileged = (victimId: number) => ({
  id: victimId,
  userId: victimId,
  memberId: victimId,
  role: 'ADMIN',
  roles: ['ADMIN'],
  status: 'LOCKED',
  createdAt: '2000-01-01T00:00:00Z',
})

const post = (token: string, body: unknown) => ({ method: 'POST', body, token, key: crypto.randomUUID() })

describe('attacks: mass assignment', () => {
  test('when register and profile bodies carry role, status and ids, then the member stays a USER, ACTIVE, with its own id and email', async () => {
    const admin = await adminActor()
    const email = `${freshName('mass')}@e2e.example.com`.toLowerCase()
    const password = 'mass-pass-1234'
    const registered = await throughGateway('/api/users/register', {
      method: 'POST',
      body: { email, password, name: 'Mass Assigner', ...privileged(admin.userId) },
      key: crypto.randomUUID(),
    })
    const member = dataOf<{ id: number }>(registered, 201, 'register with extra fields')
    const session = dataOf<{ accessToken: string }>(await loginThroughGateway({ email, password }), 200, 'log in')
    const token = session.accessToken
    const patched = await throughGateway('/api/users/me', {
      method: 'PATCH',
      body: { name: 'Renamed', email: 'someone-else@e2e.example.com', ...privileged(admin.userId) },
      token,
    })

    const me = dataOf(await throughGateway('/api/users/me', { token }), 200, 'read me')
    expect({
      patched: patched.status,
      me: { id: me.id, email: me.email, name: me.name, role: me.role, status: me.status },
      tokenRoles: jwtParts(token).claims['roles'],
      adminList: (await throughGateway('/api/users?page=0&size=1', { token })).status,
    }).toEqual({
      patched: 200,
      me: { id: member.id, email, name: 'Renamed', role: 'USER', status: 'ACTIVE' },
      tokenRoles: ['USER'],
      adminList: 403,
    })
    expect(member.id).not.toBe(admin.userId)
  })

  test("when address and cart bodies carry another member's ids, then the rows are the caller's own and the other member's are untouched", async () => {
    const [admin, victim, caller] = await Promise.all([adminActor(), registerBuyer(), registerBuyer()])
    const sku = skuAt(await stockedShelf(admin, [2]), 0)
    const address = { label: 'home', ...shippingAddress, isDefault: true }
    const victimAddress = dataOf(
      await throughGateway('/api/users/me/addresses', post(victim.token, address)),
      201,
      'victim address',
    )
    const victimItem = dataOf(
      await throughGateway('/api/carts/me/items', post(victim.token, { skuId: sku, quantity: 1 })),
      201,
      'victim cart item',
    )
    const victimBefore = await Promise.all([
      throughGateway('/api/users/me/addresses', { token: victim.token }),
      throughGateway('/api/carts/me', { token: victim.token }),
    ])
    const sneaky = { ...privileged(victim.userId), id: victimAddress.id, cartId: victimItem.cartItemId, price: 1 }

    const callerAddress = await throughGateway(
      '/api/users/me/addresses',
      post(caller.token, { ...address, recipient: 'Caller', ...sneaky }),
    )
    const callerItem = await throughGateway(
      '/api/carts/me/items',
      post(caller.token, { skuId: sku, quantity: 1, ...sneaky, cartItemId: victimItem.cartItemId, unitPrice: 1 }),
    )

    const victimAfter = await Promise.all([
      throughGateway('/api/users/me/addresses', { token: victim.token }),
      throughGateway('/api/carts/me', { token: victim.token }),
    ])
    const callerAddresses = dataOf<{ id: number; recipient: string }[]>(
      await throughGateway('/api/users/me/addresses', { token: caller.token }),
      200,
      'caller addresses',
    )
    expect({
      created: [callerAddress.status, callerItem.status],
      newIds: [
        callerAddress.body.data.id !== victimAddress.id,
        callerItem.body.data.cartItemId !== victimItem.cartItemId,
      ],
      callerAddresses: callerAddresses.map((a) => a.recipient),
      victim: victimAfter.map((r) => r.body.data),
    }).toEqual({
      created: [201, 201],
      newIds: [true, true],
      callerAddresses: ['Caller'],
      victim: victimBefore.map((r) => r.body.data),
    })
  })

  test('when order and payment bodies carry status, userId, totals and prices, then the order is CREATED at the catalog price for its caller and a declined payment stays declined', async () => {
    const [admin, victim, buyer] = await Promise.all([adminActor(), registerBuyer(), registerBuyer()])
    const shelf = await stockedShelf(admin, [2], 20_000)
    const sku = skuAt(shelf, 0)
    const placed = await throughGateway(
      '/api/orders',
      post(buyer.token, {
        items: [{ skuId: sku, quantity: 1, unitPrice: 1, price: 1, lineAmount: 1 }],
        shippingAddress,
        ...privileged(victim.userId),
        status: 'PAID',
        totalAmount: 1,
        shippingFee: 0,
        discountAmount: 19_999,
        orderNo: 'ORD-FORGED',
      }),
    )
    const created = dataOf<{ orderId: number; status: string; totalAmount: number }>(placed, 201, 'place an order')
    const payment = await paymentReaches(buyer, created.orderId, ['READY'])
    const declined = await throughGateway(
      '/api/payments/confirm',
      post(buyer.token, {
        orderId: created.orderId,
        paymentKey: paymentKey('decline'),
        amount: payment.amount,
        ...privileged(victim.userId),
        status: 'APPROVED',
        approvedAt: new Date().toISOString(),
      }),
    )

    const order: OrderView = await readOrder(buyer, created.orderId)
    expect({
      created: { status: created.status, totalAmount: created.totalAmount },
      order: {
        userId: order.userId,
        orderNo: order.orderNo.startsWith('ORD-FORGED'),
        unitPrice: order.items[0]?.unitPrice,
      },
      declined: [declined.status, declined.body?.error?.code],
      payment: (await paymentReaches(buyer, created.orderId, ['FAILED'])).status,
      pg: await pgState(order.orderNo),
    }).toEqual({
      created: { status: 'CREATED', totalAmount: chargeFor(20_000) },
      order: { userId: buyer.userId, orderNo: false, unitPrice: 20_000 },
      declined: [422, 'PAYMENT-422-001'],
      payment: 'FAILED',
      pg: 'none',
    })
  })
})
