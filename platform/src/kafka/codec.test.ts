import { describe, expect, test } from 'bun:test'
import { ContractViolation } from '@commerce/contracts'
import { OrderPlacedV1 } from '@commerce/contracts/order'
import fixture from '../../../contracts/fixtures/order.placed.v1.json'
import { CONTENT_TYPE, decodeEvent, encodeEvent, headerValue } from './codec'

const meta = { now: new Date('2024-05-01T12:00:00.000Z'), correlationId: 'corr-1', causationId: 'cause-1' }
const outgoing = OrderPlacedV1.create(fixture, meta)

function violationOf(run: () => unknown): { name: string; eventType: string } | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof ContractViolation) return { name: error.name, eventType: error.eventType }
    throw error
  }
  return undefined
}

describe('decodeEvent', () => {
  test('when the record value is null or empty, then it is a contract violation', () => {
    const violations = [violationOf(() => decodeEvent(null)), violationOf(() => decodeEvent(Buffer.alloc(0)))]

    expect(violations).toEqual([
      { name: 'ContractViolation', eventType: 'unknown' },
      { name: 'ContractViolation', eventType: 'unknown' },
    ])
  })

  test('when the record value is not JSON, then it is a contract violation', () => {
    expect(() => decodeEvent(Buffer.from('not json at all'))).toThrow(ContractViolation)
  })

  test('when the JSON is not a CloudEvent, then it is a contract violation naming the type it claims', () => {
    const violation = violationOf(() => decodeEvent(Buffer.from(JSON.stringify({ type: 'order.placed', data: {} }))))

    expect(violation).toEqual({ name: 'ContractViolation', eventType: 'order.placed' })
  })

  test('when an encoded event is decoded, then the envelope round-trips', () => {
    const decoded = decodeEvent(Buffer.from(encodeEvent(outgoing).value))

    expect(decoded).toEqual(outgoing.event)
  })
})

describe('encodeEvent', () => {
  test('when an event is encoded, then it carries the key, the whole event as JSON, and id/type headers', () => {
    const record = encodeEvent(outgoing)

    expect(record).toEqual({
      key: '1042',
      value: JSON.stringify(outgoing.event),
      headers: { id: outgoing.event.id, ce_type: 'order.placed', 'content-type': CONTENT_TYPE },
    })
  })
})

describe('headerValue', () => {
  test('when a header comes as a Buffer, a string, an array or not at all, then it reads as a string or undefined', () => {
    const headers = { buffer: Buffer.from('from-buffer'), text: 'from-string', many: [Buffer.from('first'), 'second'] }

    const values = [
      headerValue(headers, 'buffer'),
      headerValue(headers, 'text'),
      headerValue(headers, 'many'),
      headerValue(headers, 'missing'),
      headerValue(undefined, 'buffer'),
    ]

    expect(values).toEqual(['from-buffer', 'from-string', 'first', undefined, undefined])
  })
})
