import { describe, expect, test } from 'bun:test'
import { Histogram, Registry } from 'prom-client'
import { FastHistogram } from './fast-histogram'

const config = (registry: Registry) => ({
  name: 'demo_duration_seconds',
  help: 'demo',
  labelNames: ['method', 'route'] as const,
  buckets: [0.001, 0.005, 0.01],
  registers: [registry],
})
const samples: [string, string, number][] = [
  ['GET', '/a', 0.0005],
  ['GET', '/a', 0.007],
  ['GET', '/a', 0.05],
  ['POST', '/a', 0.005],
  ['GET', '/b', 0.001],
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
    histogram.series('GET', '/a').observe(0.002)
    histogram.series('GET', '/a').observe(0.003)
    const count = async () =>
      (await histogram.get()).values.filter((v) => v.metricName === 'demo_duration_seconds_count').map((v) => v.value)
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
