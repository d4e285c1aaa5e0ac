import { describe, expect, test } from 'bun:test'
import { eventually, tapTopics, testEnv } from '../../src/testing'
import { listConnectors } from '../../stack/provision/connect-client'
import { cdcSources, retiredConnectorNames } from '../../stack/provision/topology'
import { cdcScratch } from './cdc-scratch'
import { LAB_TOPIC } from './lab-fixture'

describe('CDC layout and hand-off', () => {
  test('when the stack is provisioned, then it runs one connector for the MariaDB server and none of the per-database ones', async () => {
    const running = await listConnectors(testEnv().connectUrl)

    expect(cdcSources.map((s) => s.name).filter((name) => !running.includes(name))).toEqual([])
    expect(running.filter((name) => retiredConnectorNames().includes(name))).toEqual([])
  })

  test('when lone outbox rows are committed on a connector with a 5 s poll interval, then each reaches Kafka without waiting for the interval', async () => {
    await using scratch = await cdcScratch()
    await using tap = await tapTopics(scratch.kafka, [LAB_TOPIC])
    // The stack's settings with a poll interval long enough to see: a connector that waited for it would take
    // 0–5 s per lone row (uniformly), so five rows all under 1.5 s would be a 0.2 % fluke.
    await scratch.register({ pollIntervalMs: 5000 })
    await scratch.writeOutbox(1).then((ids) => eventually(() => tap.records.some((r) => r.headers['id'] === ids[0])))

    const latencies: number[] = []
    for (let i = 0; i < 5; i++) {
      const committed = performance.timeOrigin + performance.now()
      const [id] = await scratch.writeOutbox(1)
      await eventually(() => tap.records.some((r) => r.headers['id'] === id), { what: `row ${id} published` })
      const record = tap.records.find((r) => r.headers['id'] === id)
      latencies.push((record?.receivedAt ?? Number.POSITIVE_INFINITY) - committed)
    }

    expect(latencies.filter((ms) => ms >= 1500)).toEqual([])
  }, 90_000)
})
