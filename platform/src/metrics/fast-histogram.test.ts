import { describe, expect, test } from 'bun:test'
import { Histogram, Registry } from 'prom-client'
import { FastHistogram } from './fast-histogram'

const config = (registry: Registry) => ({
  name: 'demo_duration_ms',
  help: 'demo',
  labelNames: ['method', 'route'] as const,
  buckets: [1, 5, 10],
  registers: [registry],
})
const samples: [string, string, number][] = [
  ['GET', '/a', 0.5],
  ['GET', '/a', 7],
  ['GET', '/a', 50],
  ['POST', '/a', 5],
  ['GET', '/b', 1],
]

describe('FastHistogram', () => {
  test('when the same values are observed through series(), then the scrape equals prom-client’s Histogram', async () => {
    const [slow, fast] = [new Registry(), new Registry()]
    const reference = new Histogram(config(slow))
    const histogram = new FastHistogram(config(fast))
    for (const [method, route, value] of samples) {
      reference.observe({ method, route }, value)
      histogram.series(method, route).observe(value)
    }
    expect(await fast.metrics()).toBe(await slow.metrics())
    expect((await histogram.get()).values).toEqual((await reference.get()).values)
  })

  test('when a label set is bound twice, then both handles count into one series; reset empties it', async () => {
    const histogram = new FastHistogram(config(new Registry()))
    histogram.series('GET', '/a').observe(2)
    histogram.series('GET', '/a').observe(3)
    const count = async () =>
      (await histogram.get()).values.filter((v) => v.metricName === 'demo_duration_ms_count').map((v) => v.value)
    expect(await count()).toEqual([2])
    histogram.reset()
    expect(await count()).toEqual([])
  })

  test('when the label values are too few or a value is not finite, then it throws', () => {
    const histogram = new FastHistogram(config(new Registry()))
    expect(() => histogram.series('GET')).toThrow('expected 2 label values')
    expect(() => histogram.series('GET', '/a').observe(Number.NaN)).toThrow('not a valid number')
  })
})
