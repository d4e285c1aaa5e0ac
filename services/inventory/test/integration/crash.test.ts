import { describe, expect, test } from 'bun:test'
import type { CloudEvent } from '@commerce/contracts'
import { OrderCancelledV1, OrderConfirmedV1, OrderPlacedV1 } from '@commerce/contracts/order'
import { eventually, freshId, inboxRows, publishEvent, waitForOutboxEvent } from '@commerce/platform/testing'
import { stockKeys } from '../../src/db/stock-store'
import { opKeys } from '../../src/domain/operations'
import { crashingInventory, holdCommit, type InventoryProcess, restarted, skuSeenBy } from './crash-fixture'
import { balanceOf, inventoryUnderTest, stockedSku, storeOf } from './fixture'
import { ledgerOfOrder, outboxOf, placed, redisStock, typesOf } from './saga-fixture'

// The fault test: the consumer dies after a Redis script moved stock and before MariaDB recorded it; once it
// runs again, the order has exactly one movement per SKU and one event.
//
// The event also reaches the stack's inventory (and this file's in-process one), group `inventory`, which would race
// the crashing process. So the test holds the MariaDB commit of the operation's key until the crash was seen:
// - exit 86 comes from the fault hook right after the script returned, before any transaction of that process, and
//   while the commit is held nothing of the operation is in MariaDB (asserted), so Redis alone holds the movement;
// - whichever instance commits afterwards (the restarted one or group `inventory`) ran the script too, and the script
//   answers every later call with the outcome it stored the first time, so the movement recorded is that one, once
//   (the operation key is the primary key of stock_operations).
// The restarted process must also have handled the redelivered event (its inbox row), so a restart converges by itself.
// (A record another test publishes meanwhile can kill the process first: the state at the crash then shows no record.)

const CRASHED = 86

describe('a crash between the Redis script and the MariaDB commit', () => {
  const ctx = inventoryUnderTest()
  const deps = () => ctx.inventory.deps

  /** Two SKUs with 10 units each; the first is created through the crashing process (it proves it reads). */
  async function twoSkus(crashing: InventoryProcess) {
    const a = await skuSeenBy(deps(), { group: crashing.group, quantity: 10 })
    return [a, await stockedSku(ctx.inventory, 10)] as const
  }

  /** What Redis and MariaDB hold for the order and its SKUs. */
  async function stateOf(orderId: number, skus: readonly number[], since: Date) {
    const store = storeOf(ctx.inventory)
    return {
      status: await deps().redis.hget(stockKeys.reservation(orderId), 'status'),
      redis: await Promise.all(skus.map((skuId) => redisStock(store, skuId))),
      balances: await Promise.all(
        skus.map(async (skuId) => {
          const row = await balanceOf(deps().db, skuId)
          return { available: row?.available, reserved: row?.reserved }
        }),
      ),
      ledger: (await ledgerOfOrder(deps().db, orderId)).map((r) => [r.kind, r.skuId]),
      events: typesOf(await outboxOf(deps().db, [orderId], since)),
    }
  }

  /**
   * Publishes `trigger` with the commit of `opKey` held, waits for the crash and records the state; releases; then runs
   * the process again without the fault until it has handled the same (redelivered) event, and records the state again.
   */
  async function crashThenRestart(
    crashing: InventoryProcess,
    run: { opKey: string; trigger: () => Promise<CloudEvent<unknown>>; state: () => ReturnType<typeof stateOf> },
  ) {
    const hold = await holdCommit(deps().db, run.opKey)
    let crash: { exitCode: number; state: Awaited<ReturnType<typeof stateOf>>; event: CloudEvent<unknown> }
    try {
      const event = await run.trigger()
      const exitCode = await eventually(() => crashing.process.child.exitCode ?? undefined, {
        timeoutMs: 20_000,
        what: 'the crashing inventory exited',
      })
      crash = { exitCode, state: await run.state(), event }
    } finally {
      await hold.release()
    }
    await using again = await restarted(deps().kafka, crashing)
    // Its inbox row commits with the movement, or after finding it committed by another instance.
    const eventId = crash.event.id
    await eventually(async () => (await inboxRows(deps().db, { consumer: again.group, eventId })) === 1, {
      timeoutMs: 20_000,
      what: 'the restarted inventory handled the redelivered event',
    })
    // Not the record's status here: a flush or rebuild by another test on the shared stack may have dropped it.
    const { status: _, ...afterRestart } = await run.state()
    return { exitCode: crash.exitCode, atCrash: crash.state, afterRestart }
  }

  const items = (a: number, b: number) => [
    { skuId: a, quantity: 2 },
    { skuId: b, quantity: 3 },
  ]
  /** Available/reserved of both SKUs in Redis, and in MariaDB's balances (the same unless given). */
  const stock = (redis: [number, number][], db = redis) => ({
    redis: redis.map(([available, reserved]) => ({ available, reserved })),
    balances: db.map(([available, reserved]) => ({ available, reserved })),
  })

  /** An order of `items(a, b)` reserved (its stock.reserved written) before the crash under test. */
  async function reservedOrder(crashing: InventoryProcess) {
    const [a, b] = await twoSkus(crashing)
    const orderId = freshId()
    const since = new Date()
    await publishEvent(deps().kafka, OrderPlacedV1, placed(orderId, items(a, b)))
    const forOrder = (e: { data: unknown }) => (e.data as { orderId: number }).orderId === orderId
    await waitForOutboxEvent(deps().db, 'stock.reserved', forOrder)
    return { a, b, orderId, since }
  }

  test('when it dies after the reserve script, then after a restart the order has one RESERVE per SKU and one stock.reserved', async () => {
    await using crashing = await crashingInventory(deps().kafka, 'after-reserve-script')
    const [a, b] = await twoSkus(crashing)
    const orderId = freshId()
    const since = new Date()

    const run = await crashThenRestart(crashing, {
      opKey: opKeys.reserve(orderId),
      trigger: () => publishEvent(deps().kafka, OrderPlacedV1, placed(orderId, items(a, b))),
      state: () => stateOf(orderId, [a, b], since),
    })

    const reserved = [
      [8, 2],
      [7, 3],
    ] as [number, number][]
    expect(run).toEqual({
      exitCode: CRASHED,
      atCrash: {
        status: 'RESERVED',
        ...stock(reserved, [
          [10, 0],
          [10, 0],
        ]),
        ledger: [],
        events: [],
      },
      afterRestart: {
        ...stock(reserved),
        ledger: [
          ['RESERVE', a],
          ['RESERVE', b],
        ],
        events: ['stock.reserved'],
      },
    })
  })

  test('when it dies after the confirm script, then after a restart the order has one CONFIRM per SKU and one stock.confirmed', async () => {
    await using crashing = await crashingInventory(deps().kafka, 'after-confirm-script')
    const { a, b, orderId, since } = await reservedOrder(crashing)

    const run = await crashThenRestart(crashing, {
      opKey: opKeys.confirm(orderId),
      trigger: () => publishEvent(deps().kafka, OrderConfirmedV1, { orderId, items: items(a, b) }),
      state: () => stateOf(orderId, [a, b], since),
    })

    const sold = [
      [8, 0],
      [7, 0],
    ] as [number, number][]
    const reservedOnly = [
      ['RESERVE', a],
      ['RESERVE', b],
    ]
    expect(run).toEqual({
      exitCode: CRASHED,
      atCrash: {
        status: 'CONFIRMED',
        ...stock(sold, [
          [8, 2],
          [7, 3],
        ]),
        ledger: reservedOnly,
        events: ['stock.reserved'],
      },
      afterRestart: {
        ...stock(sold),
        ledger: [...reservedOnly, ['CONFIRM', a], ['CONFIRM', b]],
        events: ['stock.reserved', 'stock.confirmed'],
      },
    })
  })

  test('when it dies after the release script, then after a restart the order has one RELEASE per SKU and one stock.released', async () => {
    await using crashing = await crashingInventory(deps().kafka, 'after-release-script')
    const { a, b, orderId, since } = await reservedOrder(crashing)

    const run = await crashThenRestart(crashing, {
      opKey: opKeys.release(orderId),
      trigger: () =>
        publishEvent(deps().kafka, OrderCancelledV1, { orderId, reason: 'USER_REQUEST', items: items(a, b) }),
      state: () => stateOf(orderId, [a, b], since),
    })

    const back = [
      [10, 0],
      [10, 0],
    ] as [number, number][]
    const reservedOnly = [
      ['RESERVE', a],
      ['RESERVE', b],
    ]
    expect(run).toEqual({
      exitCode: CRASHED,
      atCrash: {
        status: 'RELEASED',
        ...stock(back, [
          [8, 2],
          [7, 3],
        ]),
        ledger: reservedOnly,
        events: ['stock.reserved'],
      },
      afterRestart: {
        ...stock(back),
        ledger: [...reservedOnly, ['RELEASE', a], ['RELEASE', b]],
        events: ['stock.reserved', 'stock.released'],
      },
    })
  })
})
