import { describe, expect, test } from 'bun:test'
import { eventually } from '@commerce/platform/testing'
import type { Actor } from '../src/client'
import { orderReaches } from '../src/orders'
import { confirmPayment, paymentKey } from '../src/payments'
import { orderAwaitingPayment, skuAt } from '../src/saga'
import { readStocks } from '../src/stock'
import { chaosConfig } from './support/config'
import { noViolations, violationsOf, watchFrom } from './support/fault-run'
import { allTerminal } from './support/invariants'
import { rebuildInventory, stackHealthy, wipeRedis } from './support/stack'
import { type Saga, setStage, startSagas } from './support/workload'

/** Orders left awaiting payment when Redis goes: their reservations exist only in MariaDB until the rebuild. */
const held = 3

describe('chaos: Redis loses everything', () => {
  test('when Redis comes back empty, then the rebuild from the ledger restores the same balances and the held reservations still sell', async () => {
    await stackHealthy()
    const stage = await setStage(chaosConfig.CHAOS_SAGAS)
    const started = await watchFrom()
    const { sagas, driven } = await startSagas(stage, chaosConfig.CHAOS_SAGAS)
    await allTerminal(
      sagas.map((s) => s.order.orderId),
      chaosConfig.CHAOS_TERMINAL_MS,
    )
    await driven
    const buyer = stage.buyers[0] as Actor
    const waiting = await Promise.all(
      Array.from({ length: held }, (_, n) =>
        orderAwaitingPayment(buyer, [{ skuId: skuAt(stage.shelf, n), quantity: 1 }]),
      ),
    )
    await stackHealthy()
    const skuIds = stage.shelf.skus.map((s) => s.skuId)
    const before = await readStocks(skuIds)

    await wipeRedis()
    const rebuilt = await rebuildInventory()
    const after = await eventually(() => readStocks(skuIds), { what: 'stock readable again', timeoutMs: 30_000 })
    await Promise.all(
      waiting.map(({ order, payment }) =>
        confirmPayment(buyer, { orderId: order.orderId, paymentKey: paymentKey('approve'), amount: payment.amount }),
      ),
    )
    const paidAfterRebuild = await Promise.all(
      waiting.map(({ order }) => orderReaches(buyer, order.orderId, ['CONFIRMED'])),
    )
    const heldSagas: Saga[] = waiting.map(({ order }, n) => ({ n: -1 - n, buyer, order, plan: { pay: 'approve' } }))
    console.log(`chaos redis lost: ${rebuilt}`)

    expect({
      balances: after,
      held: paidAfterRebuild.map((o) => o.status),
      violations: await violationsOf(stage, [...sagas, ...heldSagas], started),
    }).toEqual({ balances: before, held: waiting.map(() => 'CONFIRMED'), violations: noViolations })
  })
})
