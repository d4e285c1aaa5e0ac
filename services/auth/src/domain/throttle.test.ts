import { describe, expect, test } from 'bun:test'
import { retryAfterSeconds } from './throttle'

const limit = { failures: 5, windowMs: 15 * 60_000 }
const now = new Date('2026-01-01T12:00:00.000Z')
const ago = (ms: number) => new Date(now.getTime() - ms)

describe('retryAfterSeconds', () => {
  test('when fewer failures than the limit exist, then the attempt is not throttled', () => {
    expect(retryAfterSeconds(limit, null, now)).toBeNull()
  })

  test('when the limit-th newest failure is inside the window, then the wait is until it leaves the window', () => {
    expect(retryAfterSeconds(limit, ago(10 * 60_000 + 500), now)).toBe(300)
  })

  test('when that failure is about to leave the window, then the wait is at least one second', () => {
    expect(retryAfterSeconds(limit, ago(limit.windowMs - 1), now)).toBe(1)
  })

  test('when that failure already left the window, then the attempt is not throttled', () => {
    expect(retryAfterSeconds(limit, ago(limit.windowMs), now)).toBeNull()
  })
})
