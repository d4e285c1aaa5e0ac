import { describe, expect, test } from 'bun:test'
import type { ScannedRecord } from '../../kafka/scan'
import { deadLetterEntry } from './dead-letters'
import { buildTimeline, causalOrder, isUnknown, type SagaEntry } from './timeline'

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, 0, ms)).toISOString()
const event = (id: string, ms: number, causationId?: string): SagaEntry => ({
  at: at(ms),
  service: 'svc',
  kind: 'event',
  type: id,
  id,
  ...(causationId ? { causationId } : {}),
})
const consumed = (id: string, ms: number): SagaEntry => ({ at: at(ms), service: 'svc', kind: 'consumed', id })
const label = (e: SagaEntry) => `${e.kind}:${e.id ?? e.type}`

describe('causalOrder', () => {
  test('when an effect carries an earlier clock than its cause, then it still comes after the cause', () => {
    const placed = event('placed', 100)
    const reserved = event('reserved', 90, 'placed') // another service's clock, 10 ms behind
    const confirmed = event('confirmed', 95, 'reserved')

    expect(causalOrder([confirmed, reserved, placed]).map(label)).toEqual([
      'event:placed',
      'event:reserved',
      'event:confirmed',
    ])
  })

  test('when a consumer takes an event and publishes in the same instant, then the consumption comes before what it published', () => {
    const entries = [event('reserved', 200, 'placed'), consumed('placed', 200), event('placed', 100)]

    expect(causalOrder(entries).map(label)).toEqual(['event:placed', 'consumed:placed', 'event:reserved'])
  })

  test('when entries have no causal link, then time decides, and a cycle in causation ids does not hang', () => {
    const a = event('a', 300, 'b')
    const b = event('b', 100, 'a')
    const state: SagaEntry = { at: at(200), service: 'order', kind: 'state', type: 'order 1', outcome: 'PAID' }

    expect(causalOrder([a, state, b]).map(label)).toEqual(['event:b', 'state:order 1', 'event:a'])
  })
})

describe('buildTimeline', () => {
  test('when every service answers with nothing and no dead letter names the order, then the order is unknown', () => {
    const empty = { outbox: [], inbox: [], parked: [], states: [], retention: { outboxS: 604_800, inboxS: 1_209_600 } }
    const timeline = buildTimeline({
      orderId: '9',
      answers: [{ service: 'order', view: { service: 'order', correlationId: '9', ...empty } }],
      deadLetters: [],
      scan: { topics: [], scanned: 0, complete: true },
    })

    expect([isUnknown(timeline), timeline.notes]).toEqual([
      true,
      [
        'Outbox rows are pruned after 7 d and inbox rows after 14 d: an older saga shows only what is left (state transitions stay).',
      ],
    ])
  })

  test('when a service does not answer, then its part is marked unavailable and the order is not called unknown', () => {
    const timeline = buildTimeline({
      orderId: '9',
      answers: [{ service: 'payment', error: 'ServiceUnavailable: timed out' }],
      deadLetters: [],
      scan: { topics: [], scanned: 0, complete: true },
    })

    expect([isUnknown(timeline), timeline.states, timeline.notes]).toEqual([
      false,
      [{ service: 'payment', available: false, error: 'ServiceUnavailable: timed out', transitions: [] }],
      ['payment is unavailable (ServiceUnavailable: timed out): its part is missing.'],
    ])
  })
})

describe('deadLetterEntry', () => {
  const record = (correlationid: string): ScannedRecord => ({
    topic: 'commerce.order.events.dlq',
    partition: 1,
    offset: '7',
    key: '42',
    value: JSON.stringify({
      id: 'e1',
      type: 'order.placed',
      correlationid,
      causationid: 'r1',
      source: '/services/order',
    }),
    headers: {
      'dlq-reason': 'contract-violation',
      'dlq-consumer': 'inventory',
      'dlq-error': 'ContractViolation: /data/lines missing',
      'dlq-original-topic': 'commerce.order.events',
      'dlq-original-partition': '1',
      'dlq-original-offset': '99',
      'dlq-failed-at': '2026-01-01T00:00:01.000Z',
    },
    timestamp: '2026-01-01T00:00:02.000Z',
  })

  test("when a dead letter carries the order's correlation id, then it becomes an entry with reason, consumer and coordinates", () => {
    expect(deadLetterEntry(record('42'), '42')).toEqual({
      at: '2026-01-01T00:00:01.000Z',
      service: 'inventory',
      kind: 'dead-letter',
      type: 'order.placed',
      id: 'e1',
      causationId: 'r1',
      consumer: 'inventory',
      source: '/services/order',
      outcome: 'contract-violation',
      detail:
        'from commerce.order.events[1]@99, now commerce.order.events.dlq[1]@7; ContractViolation: /data/lines missing',
    })
  })

  test('when a dead letter belongs to another saga or is not JSON, then it is left out', () => {
    expect([deadLetterEntry(record('43'), '42'), deadLetterEntry({ ...record('42'), value: 'nope' }, '42')]).toEqual([
      undefined,
      undefined,
    ])
  })
})
