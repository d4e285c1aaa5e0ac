import { describe, expect, test } from 'bun:test'
import { consumerGroupLag } from '../metrics/index'
import { dropRevoked, type LagSeries } from './group-lag'

const group = `lag-unit-${crypto.randomUUID()}`
const seriesOf = async () =>
  (await consumerGroupLag.get()).values
    .filter((v) => v.labels.group === group)
    .map((v) => `${v.labels.topic}/${v.labels.partition}=${v.value}`)
    .sort()

describe('consumer_group_lag on a rebalance', () => {
  test('when the new assignment leaves out a partition, then its series is removed and the kept ones stay', async () => {
    const series: LagSeries = new Map()
    for (const [topic, partition, lag] of [
      ['a', 0, 5],
      ['a', 1, 7],
      ['b', 0, 2],
    ] as const) {
      const labels = { group, topic, partition: String(partition) }
      series.set(`${topic}\u0000${partition}`, labels)
      consumerGroupLag.set(labels, lag)
    }

    dropRevoked(series, { a: [1], b: [0, 3] })

    expect(await seriesOf()).toEqual(['a/1=7', 'b/0=2'])
    expect([...series.keys()].length).toBe(2)
  })
})
