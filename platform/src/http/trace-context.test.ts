import { describe, expect, test } from 'bun:test'
import { acceptRequestId, isValidTraceparent, newTraceparent } from './trace-context'

describe('trace context', () => {
  test('when a traceparent is well formed, then it is valid; all-zero ids, version ff or uppercase are not', () => {
    const cases = [
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
      'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01',
      'garbage',
    ]
    expect(cases.map(isValidTraceparent)).toEqual([true, false, false, false, false, false])
  })

  test('when a traceparent is created, then it is valid and new each time', () => {
    const [a, b] = [newTraceparent(), newTraceparent()]
    expect([isValidTraceparent(a), a === b]).toEqual([true, false])
  })

  test('when a request id is too long or has odd characters, then a fresh one is used', () => {
    expect(acceptRequestId('abc-123_x.y:z')).toBe('abc-123_x.y:z')
    expect(acceptRequestId('x'.repeat(129))).not.toBe('x'.repeat(129))
    expect(acceptRequestId('a\tb')).not.toBe('a\tb')
  })
})
