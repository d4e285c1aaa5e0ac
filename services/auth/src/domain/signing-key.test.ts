import { describe, expect, test } from 'bun:test'
import { isDueForRotation, isPublished } from './signing-key'

const window = { accessTtlMs: 900_000, graceMs: 300_000 }
const now = new Date('2026-01-01T12:00:00.000Z')
const ago = (ms: number) => new Date(now.getTime() - ms)

describe('signing key lifetime', () => {
  test('when a key signs, then it is published', () => {
    expect(isPublished({ createdAt: ago(1), retiredAt: null }, window, now)).toBe(true)
  })

  test('when a key retired less than access TTL + grace ago, then it is still published', () => {
    expect(isPublished({ createdAt: ago(9e9), retiredAt: ago(1_199_999) }, window, now)).toBe(true)
  })

  test('when a key retired access TTL + grace ago, then it is no longer published', () => {
    expect(isPublished({ createdAt: ago(9e9), retiredAt: ago(1_200_000) }, window, now)).toBe(false)
  })

  test('when the signer reaches the rotation age, then it is due', () => {
    expect([
      isDueForRotation(ago(29 * 86_400_000), 30 * 86_400_000, now),
      isDueForRotation(ago(30 * 86_400_000), 30 * 86_400_000, now),
    ]).toEqual([false, true])
  })
})
