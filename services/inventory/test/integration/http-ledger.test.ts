import { describe, expect, test } from 'bun:test'
import { freshId } from '@commerce/platform/testing'
import { adjustStock } from '../../src/use-cases/adjust-stock'
import { reserveStock } from '../../src/use-cases/reserve-stock'
import { transactionSteps } from '../../src/use-cases/steps'
import { stockedSku, storeOf, testMeta } from './fixture'
import { call, inventoryAndAuth, userIdOf } from './http-fixture'

const ctx = inventoryAndAuth()
const codeOf = (reply: { status: number; body: { error?: { code: string } } }) => [reply.status, reply.body.error?.code]
const get = (path: string, token: string | null = ctx.admin) =>
  call(`${ctx.url}/api/inventories${path}`, { token: token ?? undefined })

/** An admin adjustment recorded as made at `at` (the ledger's time is the request's). */
async function adjustAt(skuId: number, change: { delta: number; reason: string; at: string }) {
  const { db } = ctx.inventory.deps
  const input = { skuId, delta: change.delta, reason: change.reason, actorId: 7, adjustmentId: crypto.randomUUID() }
  await adjustStock({ db, store: storeOf(ctx.inventory) }, input, { ...testMeta(), now: new Date(change.at) })
}

describe('GET /api/inventories/{skuId}/ledger', () => {
  test('when a SKU moved five times, then its ledger pages newest first with the platform page shape', async () => {
    const skuId = await stockedSku(ctx.inventory, 10) // INITIALIZE 0, ADJUST +10
    const orderId = freshId()
    const context = { steps: transactionSteps(ctx.inventory.deps.db), store: storeOf(ctx.inventory) }
    await reserveStock(context, { orderId, items: [{ skuId, quantity: 2 }], ttlMs: 60_000 }, testMeta())
    await call(`${ctx.url}/api/inventories/${skuId}/adjust`, {
      method: 'POST',
      body: { delta: -1, reason: 'broken' },
      token: ctx.admin,
    })
    await call(`${ctx.url}/api/inventories/${skuId}/adjust`, {
      method: 'POST',
      body: { delta: 4, reason: 'returned' },
      token: ctx.admin,
    })
    const pages = await Promise.all([0, 1, 2, 3].map((page) => get(`/${skuId}/ledger?page=${page}&size=2`)))
    const actorId = userIdOf(ctx.admin)
    const [first, second, third, beyond] = pages.map((p) => p.body.data)
    expect(first).toEqual({
      items: [
        {
          id: expect.any(Number),
          kind: 'ADJUST',
          availableDelta: 4,
          reservedDelta: 0,
          reason: 'returned',
          actorId,
          at: expect.any(String),
        },
        {
          id: expect.any(Number),
          kind: 'ADJUST',
          availableDelta: -1,
          reservedDelta: 0,
          reason: 'broken',
          actorId,
          at: expect.any(String),
        },
      ],
      page: 0,
      size: 2,
      totalItems: 5,
      totalPages: 3,
    })
    expect(second.items.map((e: object) => ({ ...e, id: 0, at: '' }))).toEqual([
      { id: 0, kind: 'RESERVE', orderId, availableDelta: -2, reservedDelta: 2, at: '' },
      { id: 0, kind: 'ADJUST', availableDelta: 10, reservedDelta: 0, reason: 'test stock', actorId: 1, at: '' },
    ])
    expect([third.items.map((e: { kind: string }) => e.kind), beyond.items, beyond.totalItems]).toEqual([
      ['INITIALIZE'],
      [],
      5,
    ])
    const ids = [...first.items, ...second.items, ...third.items].map((e: { id: number }) => e.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
  })

  test('when the SKU is unknown, the caller no admin, or the page bad, then 404 / 403 / 401 / 400', async () => {
    const skuId = await stockedSku(ctx.inventory, 0)
    const replies = await Promise.all([
      get(`/${freshId()}/ledger`),
      get(`/${skuId}/ledger`, ctx.member),
      get(`/${skuId}/ledger`, null),
      ...['size=0', 'size=101', 'page=-1', 'page=x', 'page=10001', 'size=1.5'].map((q) => get(`/${skuId}/ledger?${q}`)),
      get('/abc/ledger'),
    ])
    expect(replies.map(codeOf)).toEqual([
      [404, 'INVENTORY-404-002'],
      [403, 'COMMON-403'],
      [401, 'COMMON-401-001'],
      ...Array.from({ length: 7 }, () => [400, 'COMMON-400-004']),
    ])
  })
})

describe('GET /api/inventories/logs (the original)', () => {
  test('when a window is given, then only that SKU’s rows inside it come back, newest first', async () => {
    const skuId = await stockedSku(ctx.inventory, 0)
    await adjustAt(skuId, { delta: 1, reason: 'day one', at: '2020-01-01T10:00:00Z' })
    await adjustAt(skuId, { delta: 2, reason: 'day two', at: '2020-01-02T10:00:00Z' })
    await adjustAt(skuId, { delta: 3, reason: 'day three', at: '2020-01-03T10:00:00Z' })
    const window = await get(`/logs?skuId=${skuId}&from=2020-01-01T12:00:00Z&to=2020-01-03T10:00:00.000Z`)
    const all = await get(`/logs?skuId=${skuId}`)
    expect(window.body.data).toEqual({
      logs: [
        {
          skuId,
          id: expect.any(Number),
          kind: 'ADJUST',
          availableDelta: 3,
          reservedDelta: 0,
          reason: 'day three',
          actorId: 7,
          at: '2020-01-03T10:00:00.000Z',
        },
        {
          skuId,
          id: expect.any(Number),
          kind: 'ADJUST',
          availableDelta: 2,
          reservedDelta: 0,
          reason: 'day two',
          actorId: 7,
          at: '2020-01-02T10:00:00.000Z',
        },
      ],
      truncated: false,
    })
    expect(all.body.data.logs.map((l: { kind: string }) => l.kind)).toEqual([
      'ADJUST',
      'ADJUST',
      'ADJUST',
      'INITIALIZE',
    ])
  })

  test('when the SKU is unknown, missing or the dates bad, or the caller no admin, then 404 / 400 / 403', async () => {
    const skuId = await stockedSku(ctx.inventory, 0)
    const replies = await Promise.all([
      get(`/logs?skuId=${freshId()}`),
      get('/logs'),
      get('/logs?skuId=abc'),
      get(`/logs?skuId=${skuId}&from=yesterday`),
      get(`/logs?skuId=${skuId}&to=2020-13-45`),
      get(`/logs?skuId=${skuId}`, ctx.member),
    ])
    expect(replies.map(codeOf)).toEqual([
      [404, 'INVENTORY-404-002'],
      [400, 'COMMON-400-004'],
      [400, 'COMMON-400-004'],
      [400, 'COMMON-400-004'],
      [400, 'COMMON-400-004'],
      [403, 'COMMON-403'],
    ])
  })
})
