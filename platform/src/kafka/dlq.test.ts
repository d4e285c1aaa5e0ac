import { describe, expect, test } from 'bun:test'
import { dlqHeaders, dlqTopicOf, withoutDlqHeaders } from './dlq'
import { EventRejected } from './handle'

describe('dlqTopicOf', () => {
  test('when a topic is given, then its dead letters go to <topic>.dlq', () => {
    expect(dlqTopicOf('commerce.order.events')).toBe('commerce.order.events.dlq')
  })
})

describe('withoutDlqHeaders', () => {
  test('when a dead letter is replayed, then only the dlq-* headers are stripped', () => {
    const headers = {
      id: 'evt-1',
      ce_type: 'order.placed',
      'content-type': 'application/cloudevents+json; charset=UTF-8',
      traceparent: Buffer.from('00-abc-def-01'),
      'dlq-reason': 'handler-error',
      'dlq-error': 'Error: boom',
      'dlq-original-topic': 'commerce.order.events',
      'dlq-original-offset': '42',
    }

    const stripped = withoutDlqHeaders(headers)

    expect(stripped).toEqual({
      id: 'evt-1',
      ce_type: 'order.placed',
      'content-type': 'application/cloudevents+json; charset=UTF-8',
      traceparent: Buffer.from('00-abc-def-01'),
    })
  })

  test('when there are no headers, then the result is empty', () => {
    expect(withoutDlqHeaders(undefined)).toEqual({})
  })
})

describe('dlqHeaders', () => {
  const record = { topic: 'commerce.order.events', partition: 2, offset: '41', key: null, value: null }
  const now = new Date('2024-05-01T12:00:00.000Z')

  test('when an event is rejected, then its reason reaches the headers next to a data-free error description', () => {
    const error = new EventRejected('unknown-order', 'order 7 was never placed')

    const headers = dlqHeaders({ record, consumer: 'payment', reason: 'rejected', error }, now)

    expect(headers).toEqual({
      'dlq-reason': 'rejected',
      'dlq-rejection-reason': 'unknown-order',
      'dlq-error': 'EventRejected: order 7 was never placed',
      'dlq-consumer': 'payment',
      'dlq-original-topic': 'commerce.order.events',
      'dlq-original-partition': '2',
      'dlq-original-offset': '41',
      'dlq-failed-at': '2024-05-01T12:00:00.000Z',
    })
  })

  test('when a query failed, then dlq-error carries no SQL parameters', () => {
    const error = new Error('Failed query: select 1 where email = ?\nparams: alice@example.com')

    const headers = dlqHeaders({ record, consumer: 'user', reason: 'handler-error', error }, now)

    expect(headers['dlq-error']).toBe('Error: Failed query: select 1 where email = ?')
  })
})
