import { describe, expect, test } from 'bun:test'
import { eventually, type TopicTap, tapTopics } from '../../src/testing'
import { connectorOffsets, resumeConnector, waitUntilRunning } from '../../stack/provision/connect-client'
import { heartbeatTopic } from '../../stack/provision/topology'
import { cdcScratch } from './cdc-scratch'
import { LAB_TOPIC } from './lab-fixture'

/** Waits until every id was published at least once (duplicates are fine); returns the ids never seen. */
async function unpublished(tap: TopicTap, ids: string[], timeoutMs = 30_000): Promise<string[]> {
  const missing = () => ids.filter((id) => !tap.records.some((r) => r.topic === LAB_TOPIC && r.headers['id'] === id))
  await eventually(() => missing().length === 0, { timeoutMs, what: `${ids.length} outbox rows published` }).catch(
    () => undefined,
  )
  return missing()
}

interface BinlogPosition {
  file: string
  pos: number
}

const isAfter = (a: BinlogPosition, b: BinlogPosition) => a.file > b.file || (a.file === b.file && a.pos > b.pos)

describe('CDC settings: no outbox row is lost', () => {
  test('when outbox rows were committed before the connector was first registered, then every one reaches Kafka', async () => {
    await using scratch = await cdcScratch()
    await using tap = await tapTopics(scratch.kafka, [LAB_TOPIC])
    const before = await scratch.writeOutbox(5)

    await scratch.register()
    const after = await scratch.writeOutbox(2)

    expect(await unpublished(tap, [...before, ...after])).toEqual([])
  }, 90_000)

  test('when a connector comes back after its offsets were lost, then rows written while it was gone reach Kafka', async () => {
    await using scratch = await cdcScratch()
    await using tap = await tapTopics(scratch.kafka, [LAB_TOPIC])
    await scratch.register()
    const first = await scratch.writeOutbox(3)
    expect(await unpublished(tap, first)).toEqual([])

    await scratch.loseOffsets()
    const whileGone = await scratch.writeOutbox(3)
    await resumeConnector(scratch.connectUrl, scratch.name)
    await waitUntilRunning(scratch.connectUrl, scratch.name)
    const afterwards = await scratch.writeOutbox(2)

    expect(await unpublished(tap, [...first, ...whileGone, ...afterwards])).toEqual([])
  }, 90_000)

  test('when only tables it does not capture change, then the connector still commits a newer binlog position, through heartbeats on its own topic only', async () => {
    await using scratch = await cdcScratch()
    await using tap = await tapTopics(scratch.kafka, [LAB_TOPIC, heartbeatTopic(scratch.source)])
    await scratch.register({ heartbeatIntervalMs: 500 })
    expect(await unpublished(tap, await scratch.writeOutbox(1))).toEqual([])
    const [[status]] = (await scratch.admin.query('SHOW MASTER STATUS')) as unknown as [
      [{ File: string; Position: number }],
    ]
    const quietFrom = { file: status.File, pos: status.Position }

    const committed = await eventually(
      async () => {
        await scratch.admin.query(`INSERT INTO \`${scratch.db.database}\`.uncaptured (note) VALUES ('quiet outbox')`)
        const [offset] = await connectorOffsets(scratch.connectUrl, scratch.name)
        if (typeof offset?.['file'] !== 'string' || typeof offset['pos'] !== 'number') return false
        const position = { file: offset['file'], pos: offset['pos'] }
        return isAfter(position, quietFrom) && position
      },
      { timeoutMs: 20_000, intervalMs: 250, what: 'committed binlog position moved past the quiet period start' },
    )

    expect(isAfter(committed, quietFrom)).toBe(true)
    expect(tap.records.some((r) => r.topic === heartbeatTopic(scratch.source))).toBe(true)
    const prefix = `cdc.${scratch.db.database}`
    expect(tap.records.filter((r) => r.topic === LAB_TOPIC && (r.key ?? '').includes(prefix))).toEqual([])
  }, 90_000)
})
