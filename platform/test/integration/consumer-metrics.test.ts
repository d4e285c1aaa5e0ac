import { describe, expect, test } from 'bun:test'
import { encodeEvent, handle } from '../../src/kafka'
import { consumerEventLag, consumerGroupLag } from '../../src/metrics'
import { eventually, freshId } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import { freshMeta, labInfra, produceTo, startLabConsumer } from './lab-fixture'

const lagOf = async (consumer: string, name: 'count' | 'sum') =>
  (await consumerEventLag.get()).values.find(
    (v) => v.metricName === `consumer_event_lag_seconds_${name}` && v.labels.consumer === consumer,
  )?.value ?? 0

const groupLagOf = async (group: string) =>
  (await consumerGroupLag.get()).values.filter((v) => v.labels.group === group).map((v) => v.value)

describe('consumer metrics', () => {
  test('when an event written five minutes ago is consumed, then the lag histogram counts it at about 300 s', async () => {
    await using infra = labInfra()
    const handled = Promise.withResolvers<void>()
    await using consumer = await startLabConsumer(infra, {
      handlers: [handle(LabNoteCreatedV1, async () => handled.resolve())],
    })
    const written = LabNoteCreatedV1.create(
      { noteId: freshId(), body: 'late' },
      { ...freshMeta(), now: new Date(Date.now() - 300_000) },
    )

    await produceTo(infra, [{ key: written.key, value: encodeEvent(written).value }])
    await handled.promise

    // Its offset committed (the group's lag back to 0) before the consumer is disposed.
    await eventually(async () => (await groupLagOf(consumer.groupId)).join() === '0')
    const count = await eventually(async () => (await lagOf(consumer.groupId, 'count')) === 1 && 1)
    const sum = await lagOf(consumer.groupId, 'sum')
    expect({ count, atLeast300: sum >= 300, under330: sum < 330 }).toEqual({ count, atLeast300: true, under330: true })
  })

  test('when records wait behind one in hand, then consumer_group_lag shows them, falls to 0, and goes when the consumer stops', async () => {
    await using infra = labInfra()
    const gate = Promise.withResolvers<void>()
    const consumer = await startLabConsumer(infra, {
      handlers: [handle(LabNoteCreatedV1, () => gate.promise)],
    })
    const noteId = freshId()
    // One key, one partition, one produce request: the three arrive in one fetch.
    const records = [1, 2, 3].map((n) => {
      const outgoing = LabNoteCreatedV1.create({ noteId, body: `queued ${n}` }, freshMeta())
      return { key: outgoing.key, value: encodeEvent(outgoing).value }
    })

    await produceTo(infra, records)

    const whileBlocked = await eventually(async () => {
      const lag = await groupLagOf(consumer.groupId)
      return lag.includes(3) && lag
    })
    gate.resolve()
    const caughtUp = await eventually(async () => {
      const lag = await groupLagOf(consumer.groupId)
      return lag.length > 0 && lag.every((v) => v === 0) && lag
    })
    await consumer.stop()

    expect({ whileBlocked: whileBlocked.filter((v) => v > 0), caughtUp: caughtUp.length > 0 }).toEqual({
      whileBlocked: [3],
      caughtUp: true,
    })
    expect(await groupLagOf(consumer.groupId)).toEqual([])
  })
})
