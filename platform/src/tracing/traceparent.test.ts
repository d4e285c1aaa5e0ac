import { describe, expect, test } from 'bun:test'
import { TraceFlags } from '@opentelemetry/api'
import { formatTraceparent, parseTraceparent, traceIdOf } from './traceparent'

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736'
const spanId = '00f067aa0ba902b7'

describe('parseTraceparent', () => {
  test('when the header is well-formed, then it names a remote span context with its sampled flag', () => {
    expect(parseTraceparent(`00-${traceId}-${spanId}-01`)).toEqual({
      traceId,
      spanId,
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    })
    expect(parseTraceparent(`00-${traceId}-${spanId}-00`)?.traceFlags).toBe(TraceFlags.NONE)
  })

  test('when flags carry more than the sampled bit, then only that bit is kept', () => {
    expect(parseTraceparent(`00-${traceId}-${spanId}-03`)?.traceFlags).toBe(TraceFlags.SAMPLED)
    expect(parseTraceparent(`00-${traceId}-${spanId}-02`)?.traceFlags).toBe(TraceFlags.NONE)
  })

  test.each([
    ['absent', undefined],
    ['empty', ''],
    ['upper case', `00-${traceId.toUpperCase()}-${spanId}-01`],
    ['zero trace id', `00-${'0'.repeat(32)}-${spanId}-01`],
    ['zero span id', `00-${traceId}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${traceId}-${spanId}-01`],
    ['short', `00-${traceId}-${spanId.slice(1)}-01`],
  ])('when the header is %s, then there is no parent', (_, value) => {
    expect(parseTraceparent(value)).toBeUndefined()
  })
})

describe('formatTraceparent', () => {
  test('when a parsed header is formatted, then it reads as it came', () => {
    for (const header of [`00-${traceId}-${spanId}-01`, `00-${traceId}-${spanId}-00`]) {
      const context = parseTraceparent(header)
      expect(context && formatTraceparent(context)).toBe(header)
    }
  })

  test('when a trace id is asked for, then it is the second field', () => {
    expect(traceIdOf(`00-${traceId}-${spanId}-01`)).toBe(traceId)
    expect(traceIdOf(undefined)).toBeUndefined()
  })
})
