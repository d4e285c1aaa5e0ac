import { describe, expect, test } from 'bun:test'
import { backoffMs, isRetryableStatus, mayRetry, retryAfterMs } from './retry'

describe('what the service client retries', () => {
  test('when the method is idempotent or the POST carries an Idempotency-Key, then it may be sent again', () => {
    const verdicts = [
      mayRetry('GET', false),
      mayRetry('head', false),
      mayRetry('PUT', false),
      mayRetry('DELETE', false),
      mayRetry('POST', true),
      mayRetry('POST', false),
      mayRetry('PATCH', false),
    ]

    expect(verdicts).toEqual([true, true, true, true, true, false, false])
  })

  test('when the status is 502, 503, 504 or 429, then it is worth another attempt; 500 and other 4xx are not', () => {
    expect([502, 503, 504, 429, 500, 501, 400, 404, 409].map(isRetryableStatus)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ])
  })

  test('when Retry-After holds seconds or an HTTP date, then it reads as ms from now; junk reads as nothing', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')

    const waits = [
      retryAfterMs('3', now),
      retryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', now),
      retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now),
      retryAfterMs('soon', now),
      retryAfterMs(null, now),
      retryAfterMs('', now),
    ]

    expect(waits).toEqual([3000, 10_000, 0, undefined, undefined, undefined])
  })

  test('when attempts go on, then the jittered backoff ceiling doubles up to its cap', () => {
    const policy = { baseMs: 50, maxMs: 1000 }

    const ceilings = [0, 1, 2, 3, 4, 5, 10].map((attempt) => backoffMs(attempt, policy, () => 1))
    const floor = backoffMs(3, policy, () => 0)

    expect({ ceilings, floor }).toEqual({ ceilings: [50, 100, 200, 400, 800, 1000, 1000], floor: 0 })
  })
})
