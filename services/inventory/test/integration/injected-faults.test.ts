import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { CloudEvent } from '@commerce/contracts'
import { OrderCancelledV1, OrderConfirmedV1, OrderPlacedV1 } from '@commerce/contracts/order'
import {
  call,
  eventually,
  freshId,
  inboxRows,
  publishEvent,
  spawnEnv,
  startTestService,
  testEnv,
} from '@commerce/platform/testing'
import { inventoryService } from '../../src/app'
import { loadInventoryConfig } from '../../src/config'
import { balanceOf, stockedSku, storeOf } from './fixture'
import { inventoryAndAuth } from './http-fixture'
import { outboxOf, placed, redisStock } from './saga-fixture'

// TEST-ONLY fault switch (INVENTORY_FAULTS_ENABLED): what the end-to-end saga tests rely on to make a stock
// confirmation fail. The stack's inventory shares group `inventory` with this one; `npm test` starts it with the same
// switch on (platform/stack: the test overlay), so whichever instance handles a record honours the switch.

const ctx = inventoryAndAuth({ INVENTORY_FAULTS_ENABLED: 'true' })
const db = () => ctx.inventory.deps.db
const kafka = () => ctx.inventory.deps.kafka

const setFault = (skuId: number, confirmFails: boolean, token: string | null = ctx.admin) =>
  call(`${ctx.url}/api/inventories/${skuId}/faults`, {
    method: 'PUT',
    body: { confirmFails },
    token: token ?? undefined,
  })

/**
 * The stack's inventory competes for the records: it must honour the switch too, or a test's outcome depends on which
 * instance owns the partition. Its route answers 401 without a token when the switches are on, 404 when they are off.
 */
async function stackHonoursFaults() {
  const stackUrl = testEnv().serviceUrl('inventory')
  const probe = await call(`${stackUrl}/api/inventories/1/faults`, { method: 'PUT', body: { confirmFails: false } })
  if (probe.status !== 401) {
    throw new Error(
      `the stack's inventory (${stackUrl}) runs without INVENTORY_FAULTS_ENABLED (probe: ${probe.status}); ` +
        'start the services with the test overlay: `npm test`, or `STACK_PROFILE=test npm run stack restart-services`',
    )
  }
}

/** Publishes `event`'s data and waits until group `inventory` (this process or the stack's) handled it. */
async function handled(published: Promise<CloudEvent<unknown>>) {
  const event = await published
  await eventually(async () => (await inboxRows(db(), { consumer: 'inventory', eventId: event.id })) === 1, {
    what: `${event.type} handled`,
  })
}

const stockOf = async (skuId: number) => {
  const balance = await balanceOf(db(), skuId)
  return {
    redis: await redisStock(storeOf(ctx.inventory), skuId),
    available: balance?.available,
    reserved: balance?.reserved,
  }
}
const both = (available: number, reserved: number) => ({ redis: { available, reserved }, available, reserved })

describe('PUT /api/inventories/{skuId}/faults (test-only)', () => {
  test('when a SKU of an order is switched to fail, then order.confirmed answers stock.confirm.failed, nothing is sold, and the cancellation releases the reservation', async () => {
    const [a, b] = [await stockedSku(ctx.inventory, 5), await stockedSku(ctx.inventory, 5)]
    const orderId = freshId()
    const items = [
      { skuId: a, quantity: 2 },
      { skuId: b, quantity: 1 },
    ]
    const since = new Date()
    await stackHonoursFaults()
    const switched = await setFault(a, true)

    await handled(publishEvent(kafka(), OrderPlacedV1, placed(orderId, items)))
    await handled(publishEvent(kafka(), OrderConfirmedV1, { orderId, items }))
    const afterConfirm = { a: await stockOf(a), b: await stockOf(b) }
    await handled(publishEvent(kafka(), OrderCancelledV1, { orderId, reason: 'STOCK_CONFIRM_FAILED', items }))

    const events = await outboxOf(db(), [orderId], since)
    expect({
      switched: [switched.status, switched.body.data],
      events: events.map((e) => [e.type, e.data['reason']]),
      afterConfirm,
      afterCancel: { a: await stockOf(a), b: await stockOf(b) },
    }).toEqual({
      switched: [200, { skuId: a, confirmFails: true }],
      events: [
        ['stock.reserved', undefined],
        ['stock.confirm.failed', 'NOT_ENOUGH_RESERVED'],
        ['stock.released', undefined],
      ],
      afterConfirm: { a: both(3, 2), b: both(4, 1) },
      afterCancel: { a: both(5, 0), b: both(5, 0) },
    })
  })

  test('when the switch is turned off again, then the next order with that SKU confirms', async () => {
    const skuId = await stockedSku(ctx.inventory, 5)
    const orderId = freshId()
    const items = [{ skuId, quantity: 2 }]
    const since = new Date()
    await stackHonoursFaults()
    await setFault(skuId, true)
    const off = await setFault(skuId, false)

    await handled(publishEvent(kafka(), OrderPlacedV1, placed(orderId, items)))
    await handled(publishEvent(kafka(), OrderConfirmedV1, { orderId, items }))

    expect({
      off: [off.status, off.body.data],
      events: (await outboxOf(db(), [orderId], since)).map((e) => e.type),
      stock: await stockOf(skuId),
    }).toEqual({
      off: [200, { skuId, confirmFails: false }],
      events: ['stock.reserved', 'stock.confirmed'],
      stock: both(3, 0),
    })
  })

  test('when a member or nobody calls it, or the body is wrong, then 403, 401 and 400 and nothing is switched', async () => {
    const skuId = freshId()
    const replies = await Promise.all([
      setFault(skuId, true, ctx.member),
      setFault(skuId, true, null),
      call(`${ctx.url}/api/inventories/${skuId}/faults`, {
        method: 'PUT',
        body: { confirmFails: 'yes' },
        token: ctx.admin,
      }),
    ])
    expect(replies.map((r) => [r.status, r.body.error?.code])).toEqual([
      [403, 'COMMON-403'],
      [401, 'COMMON-401-001'],
      [400, 'COMMON-400-004'],
    ])
  })
})

describe('with INVENTORY_FAULTS_ENABLED off (the default)', () => {
  const off = {} as { url: string; stop: () => Promise<void> }
  beforeAll(async () => {
    // HTTP only: the route table is what is under test, so this instance joins no consumer group.
    const { consumers: _consumers, ...definition } = inventoryService(
      loadInventoryConfig({
        ...spawnEnv('inventory'),
        AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
        SEED_DEMO_DATA: 'false',
      }),
    )
    Object.assign(off, await startTestService(definition))
  })
  afterAll(() => off.stop?.())

  test('when the switch is called, then the route does not exist (404 COMMON-404)', async () => {
    const reply = await call(`${off.url}/api/inventories/${freshId()}/faults`, {
      method: 'PUT',
      body: { confirmFails: true },
    })
    expect([reply.status, reply.body.error?.code]).toEqual([404, 'COMMON-404'])
  })
})
