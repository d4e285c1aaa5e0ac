import { describe, expect, test } from 'bun:test'
import { consumerEventLag, observeEventLag } from './index'

const consumer = `event-lag-unit-${crypto.randomUUID()}`
const observed = async (name: 'count' | 'sum') =>
  (await consumerEventLag.get()).values.find(
    (v) => v.metricName === `consumer_event_lag_seconds_${name}` && v.labels.consumer === consumer,
  )?.value ?? 0

describe('observeEventLag', () => {
  test('when an event written 2.5 s ago is taken in hand, then one lag of 2.5 s is observed under its type', async () => {
    const now = Date.parse('2026-01-01T00:00:02.500Z')

    observeEventLag(consumer, { type: 'lab.note.created', time: '2026-01-01T00:00:00.000Z' }, now)

    expect([await observed('count'), await observed('sum')]).toEqual([1, 2.5])
  })

  test('when the time is missing or unreadable, then nothing is observed; a time ahead of the clock counts as 0', async () => {
    const before = await observed('count')

    observeEventLag(consumer, { type: 'lab.note.created' }, Date.now())
    observeEventLag(consumer, { type: 'lab.note.created', time: 'yesterday-ish' }, Date.now())
    const countAfterBad = await observed('count')
    const sumBefore = await observed('sum')
    observeEventLag(consumer, { type: 'lab.note.created', time: '2100-01-01T00:00:00Z' }, Date.now())

    expect([countAfterBad - before, (await observed('count')) - before, (await observed('sum')) - sumBefore]).toEqual([
      0, 1, 0,
    ])
  })
})
