import { describe, expect, test } from 'bun:test'
import { freshId } from '@commerce/platform/testing'
import { stockedSku } from './fixture'
import { call, inventoryAndAuth, rawCall } from './http-fixture'

const ctx = inventoryAndAuth()
const codeOf = (reply: { status: number; body: { error?: { code: string } } }) => [reply.status, reply.body.error?.code]

describe('GET /api/inventories/{skuId}', () => {
  test('when a SKU has stock, then its balance comes from Redis in the envelope', async () => {
    const skuId = await stockedSku(ctx.inventory, 7)
    const reply = await call(`${ctx.url}/api/inventories/${skuId}`)
    expect([reply.status, reply.body.success, reply.body.data]).toEqual([
      200,
      true,
      { skuId, onHand: 7, reserved: 0, available: 7 },
    ])
    expect(Date.parse(reply.body.timestamp)).toBeGreaterThan(0)
  })

  test('when the SKU is unknown, then 404 INVENTORY-404-002', async () => {
    expect(codeOf(await call(`${ctx.url}/api/inventories/${freshId()}`))).toEqual([404, 'INVENTORY-404-002'])
  })

  test('when the id is not an id (text, zero, negative, fraction, beyond 2^53-1), then 400 COMMON-400-004', async () => {
    const ids = ['abc', '0', '-3', '1.5', '9007199254740992', '12a', '%20']
    const replies = await Promise.all(ids.map((id) => call(`${ctx.url}/api/inventories/${id}`)))
    expect(replies.map(codeOf)).toEqual(ids.map(() => [400, 'COMMON-400-004']))
    expect(replies[0]?.body.error.fieldErrors).toEqual([expect.objectContaining({ field: 'skuId' })])
  })
})

describe('POST /api/inventories/bulk', () => {
  const bulk = (body: unknown) => call(`${ctx.url}/api/inventories/bulk`, { method: 'POST', body })

  test('when known, unknown and repeated SKUs are asked, then each comes once, unknown ones as zeros with known: false', async () => {
    const [a, b] = [await stockedSku(ctx.inventory, 3), await stockedSku(ctx.inventory, 0)]
    const unknown = freshId()
    const reply = await bulk({ skuIds: [a, unknown, b, a, unknown] })
    expect([reply.status, reply.body.data]).toEqual([
      200,
      {
        inventories: [
          { skuId: a, onHand: 3, reserved: 0, available: 3, known: true },
          { skuId: unknown, onHand: 0, reserved: 0, available: 0, known: false },
          { skuId: b, onHand: 0, reserved: 0, available: 0, known: true },
        ],
      },
    ])
  })

  test('when 100 SKUs are asked, then 100 come back', async () => {
    const skuIds = Array.from({ length: 100 }, (_, i) => i + 1)
    const reply = await bulk({ skuIds })
    expect([reply.status, reply.body.data.inventories.length]).toEqual([200, 100])
  })

  test('when the body is wrong (no ids, too many, bad ids, wrong types, missing field), then 400 COMMON-400-004', async () => {
    const bodies = [
      { skuIds: [] },
      { skuIds: Array.from({ length: 101 }, (_, i) => i + 1) },
      { skuIds: [0] },
      { skuIds: [-1] },
      { skuIds: [1.5] },
      { skuIds: [2 ** 53] },
      { skuIds: ['abc'] },
      { skuIds: 'abc' },
      { skuIds: null },
      {},
      [1, 2],
      'skuIds',
      42,
    ]
    const replies = await Promise.all(bodies.map(bulk))
    expect(replies.map(codeOf)).toEqual(bodies.map(() => [400, 'COMMON-400-004']))
  })

  test('when the body is not JSON, then 400 with a code, never 500', async () => {
    const url = `${ctx.url}/api/inventories/bulk`
    const replies = await Promise.all([
      rawCall(url, { body: '{"skuIds": [1,' }),
      rawCall(url, { body: '' }),
      rawCall(url, { body: '{"skuIds":[1]}', contentType: 'text/plain' }),
    ])
    expect(replies.map((r) => r.status)).toEqual([400, 400, 400])
    expect(replies.every((r) => /^COMMON-400-00[14]$/.test(r.body.error?.code ?? ''))).toBe(true)
    expect(replies[0]?.body.error?.code).toBe('COMMON-400-001')
  })
})
