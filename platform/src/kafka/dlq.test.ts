import { describe, expect, test } from 'bun:test'
import { dlqTopicOf, withoutDlqHeaders } from './dlq'

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
