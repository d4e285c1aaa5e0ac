import { describe, expect, test } from 'bun:test'
import { canonicalJson, requestFingerprint } from './fingerprint'

describe('request fingerprint', () => {
  const base = {
    method: 'POST',
    target: '/api/orders',
    userId: 7,
    body: { items: [{ skuId: 1, quantity: 2 }], note: 'x' },
  }

  test('when only the key order of the body differs, then the fingerprint is the same', () => {
    const reordered = { ...base, body: { note: 'x', items: [{ quantity: 2, skuId: 1 }] } }
    expect(canonicalJson(reordered.body)).toBe(canonicalJson(base.body))
    expect(requestFingerprint(reordered)).toBe(requestFingerprint(base))
  })

  test('when the body, path, method or user differs, then the fingerprint differs', () => {
    const variants = [
      { ...base, body: { ...base.body, note: 'y' } },
      { ...base, target: '/api/carts/me/items' },
      { ...base, method: 'PUT' },
      { ...base, userId: 8 },
      {
        ...base,
        body: {
          ...base.body,
          items: [
            { skuId: 1, quantity: 2 },
            { skuId: 2, quantity: 1 },
          ],
        },
      },
    ]
    const prints = new Set([base, ...variants].map(requestFingerprint))
    expect(prints.size).toBe(variants.length + 1)
  })
})
