import { describe, expect, test } from 'bun:test'
import { idempotencyKeys } from '@commerce/platform/db'
import { freshId, freshName } from '@commerce/platform/testing'
import { and, eq } from 'drizzle-orm'
import { stockLedger } from '../../src/db/schema'
import { stockKeys } from '../../src/db/stock-store'
import { opKeys } from '../../src/domain/operations'
import { adjustmentIdOf } from '../../src/http/adjust.routes'
import { initializeStock } from '../../src/use-cases/initialize-stock'
import { transactionSteps } from '../../src/use-cases/steps'
import { balanceOf, stockedSku, storeOf, testMeta } from './fixture'
import { call, inventoryAndAuth, rawCall, userIdOf } from './http-fixture'

const ctx = inventoryAndAuth()
const codeOf = (reply: { status: number; body: { error?: { code: string } } }) => [reply.status, reply.body.error?.code]

const adjust = (skuId: number, body: unknown, options: { key?: string; token?: string | null } = {}) =>
  call(`${ctx.url}/api/inventories/${skuId}/adjust`, {
    method: 'POST',
    body,
    token: options.token === null ? undefined : (options.token ?? ctx.admin),
    ...(options.key ? { key: options.key } : {}),
  })

const ledgerRows = (skuId: number) =>
  ctx.inventory.deps.db.select().from(stockLedger).where(eq(stockLedger.skuId, skuId)).orderBy(stockLedger.id)

describe('POST /api/inventories/{skuId}/adjust', () => {
  test('when an admin adds and removes stock, then the balance, Redis and the ledger follow with reason and actor', async () => {
    const skuId = await stockedSku(ctx.inventory, 10)
    const added = await adjust(skuId, { delta: 5, reason: 'found a box' })
    const removed = await adjust(skuId, { delta: -12, reason: 'damaged' })
    const read = await call(`${ctx.url}/api/inventories/${skuId}`)
    const rows = (await ledgerRows(skuId)).filter((r) => r.kind === 'ADJUST' && r.reason !== 'test stock')
    expect([added.status, added.body.data, removed.body.data, read.body.data]).toEqual([
      200,
      { skuId, onHand: 15, reserved: 0, available: 15 },
      { skuId, onHand: 3, reserved: 0, available: 3 },
      { skuId, onHand: 3, reserved: 0, available: 3 },
    ])
    const actorId = userIdOf(ctx.admin)
    expect(rows.map((r) => [r.kind, r.availableDelta, r.reason, r.actorId])).toEqual([
      ['ADJUST', 5, 'found a box', actorId],
      ['ADJUST', -12, 'damaged', actorId],
    ])
    expect(await balanceOf(ctx.inventory.deps.db, skuId)).toMatchObject({ available: 3, reserved: 0 })
  })

  test('when the result would be negative, then 409 INVENTORY-409-001 and nothing moves', async () => {
    const skuId = await stockedSku(ctx.inventory, 2)
    const reply = await adjust(skuId, { delta: -3, reason: 'too many' })
    const read = await call(`${ctx.url}/api/inventories/${skuId}`)
    expect([codeOf(reply), read.body.data.available, (await ledgerRows(skuId)).length]).toEqual([
      [409, 'INVENTORY-409-001'],
      2,
      2, // initialize + the fixture's adjustment
    ])
  })

  test('when the SKU is unknown, then 404 INVENTORY-404-002; once it is known, a retry with the same key applies', async () => {
    const skuId = freshId()
    const key = freshName('adjust')
    const before = await adjust(skuId, { delta: 4, reason: 'first delivery' }, { key })
    const context = { steps: transactionSteps(ctx.inventory.deps.db), store: storeOf(ctx.inventory) }
    await initializeStock(context, { skuId, quantity: 0 }, testMeta())
    const after = await adjust(skuId, { delta: 4, reason: 'first delivery' }, { key })
    expect([codeOf(before), after.status, after.body.data.available]).toEqual([[404, 'INVENTORY-404-002'], 200, 4])
  })

  test('when the body is wrong, then 400 COMMON-400-004 naming the field', async () => {
    const skuId = await stockedSku(ctx.inventory, 1)
    const bodies: [unknown, string][] = [
      [{ delta: 0, reason: 'zero' }, 'delta'],
      [{ delta: 1.5, reason: 'fraction' }, 'delta'],
      [{ delta: 1_000_000_001, reason: 'huge' }, 'delta'],
      [{ delta: -1_000_000_001, reason: 'huge' }, 'delta'],
      [{ delta: 'five', reason: 'text' }, 'delta'],
      [{ delta: true, reason: 'boolean' }, 'delta'],
      [{ reason: 'no delta' }, 'delta'],
      [{ delta: 1, reason: '' }, 'reason'],
      [{ delta: 1, reason: '   ' }, 'reason'],
      [{ delta: 1, reason: 'x'.repeat(201) }, 'reason'],
      [{ delta: 1, reason: 7 }, 'reason'],
      [{ delta: 1 }, 'reason'],
    ]
    const replies = await Promise.all(bodies.map(([body]) => adjust(skuId, body)))
    expect(replies.map((r) => [...codeOf(r), r.body.error?.fieldErrors?.[0]?.field])).toEqual(
      bodies.map(([, field]) => [400, 'COMMON-400-004', field]),
    )
    const wrongShapes = await Promise.all([[1], 'delta', null].map((body) => adjust(skuId, body)))
    expect(wrongShapes.map(codeOf)).toEqual([0, 1, 2].map(() => [400, 'COMMON-400-004']))
    const malformed = await rawCall(`${ctx.url}/api/inventories/${skuId}/adjust`, {
      body: '{"delta":',
      token: ctx.admin,
    })
    expect(codeOf(malformed)).toEqual([400, 'COMMON-400-001'])
    expect((await ledgerRows(skuId)).length).toBe(2)
  })

  test('when a member, nobody or a bad token adjusts, then 403 / 401 / 401 and nothing moves', async () => {
    const skuId = await stockedSku(ctx.inventory, 1)
    const body = { delta: 1, reason: 'sneaky' }
    const replies = await Promise.all([
      adjust(skuId, body, { token: ctx.member }),
      adjust(skuId, body, { token: null }),
      adjust(skuId, body, { token: 'not.a.token' }),
      adjust(skuId, { delta: 'x' }, { token: null }),
    ])
    expect(replies.map(codeOf)).toEqual([
      [403, 'COMMON-403'],
      [401, 'COMMON-401-001'],
      [401, 'COMMON-401-001'],
      [401, 'COMMON-401-001'],
    ])
    expect((await ledgerRows(skuId)).length).toBe(2)
  })
})

describe('adjust with an Idempotency-Key', () => {
  test('when the same request is sent twice, then the first answer is replayed and stock moves once', async () => {
    const skuId = await stockedSku(ctx.inventory, 10)
    const key = freshName('adjust')
    const first = await adjust(skuId, { delta: 3, reason: 'recount' }, { key })
    const second = await fetch(`${ctx.url}/api/inventories/${skuId}/adjust`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.admin}`, 'idempotency-key': key },
      body: JSON.stringify({ reason: 'recount', delta: 3 }),
    })
    expect([second.status, second.headers.get('idempotent-replayed'), await second.json()]).toEqual([
      200,
      'true',
      first.body,
    ])
    expect((await ledgerRows(skuId)).filter((r) => r.reason === 'recount').length).toBe(1)
    expect((await call(`${ctx.url}/api/inventories/${skuId}`)).body.data.available).toBe(13)
  })

  test('when the key comes back with another body, then 422 COMMON-422-001 and nothing moves', async () => {
    const skuId = await stockedSku(ctx.inventory, 10)
    const key = freshName('adjust')
    await adjust(skuId, { delta: 3, reason: 'recount' }, { key })
    const other = await adjust(skuId, { delta: 4, reason: 'recount' }, { key })
    expect([codeOf(other), (await call(`${ctx.url}/api/inventories/${skuId}`)).body.data.available]).toEqual([
      [422, 'COMMON-422-001'],
      13,
    ])
  })

  test('when ten copies of one request race, then stock moves once and all ten get the same balance', async () => {
    const skuId = await stockedSku(ctx.inventory, 10)
    const key = freshName('adjust')
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => adjust(skuId, { delta: -4, reason: 'race' }, { key })),
    )
    expect(replies.map((r) => [r.status, r.body.data?.available])).toEqual(replies.map(() => [200, 6]))
    expect((await ledgerRows(skuId)).filter((r) => r.reason === 'race').length).toBe(1)
    expect(await balanceOf(ctx.inventory.deps.db, skuId)).toMatchObject({ available: 6 })
  })

  test('when the key record is gone (pruned after 24 h) and the request is retried, then nothing moves again', async () => {
    const skuId = await stockedSku(ctx.inventory, 10)
    const key = freshName('adjust')
    await adjust(skuId, { delta: 2, reason: 'late retry' }, { key })
    const scope = `user:${userIdOf(ctx.admin)}`
    const { db } = ctx.inventory.deps
    await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    // Redis' marker of the adjustment lives as long (INVENTORY_MARKER_RETENTION_S): gone too.
    const body = { delta: 2, reason: 'late retry' }
    const adjustmentId = adjustmentIdOf({ userId: userIdOf(ctx.admin), key, skuId, body })
    expect(await ctx.inventory.deps.redis.unlink(stockKeys.applied(opKeys.adjust(adjustmentId)))).toBe(1)
    const retry = await adjust(skuId, body, { key })
    expect([retry.status, retry.body.data.available]).toEqual([200, 12])
    expect((await ledgerRows(skuId)).filter((r) => r.reason === 'late retry').length).toBe(1)
  })
})
