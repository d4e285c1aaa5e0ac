import { afterAll, beforeAll, expect, test } from 'bun:test'
import { createDb } from '@commerce/platform/db'
import { createKafka, dlqTopicOf, type OutgoingRecord, openProducer } from '@commerce/platform/kafka'
import { eventually, type TopicTap, tapTopics, testEnv } from '@commerce/platform/testing'
import fc from 'fast-check'
import { fuzzConfig, seedFor } from './config'
import { type ConsumedTopic, consumedTopics, type ExampleEvent } from './consumed-topics'

// Malformed records on every consumed topic (issue 14 §3): each lands on `<topic>.dlq` with a `dlq-reason`, from every
// group that reads it, and the consumers keep going: a valid event produced after them gets its inbox row.

const stack = testEnv()
const kafka = createKafka({ brokers: stack.kafkaBrokers, clientId: 'e2e-fuzz-records' })
const db = createDb({ url: stack.mariadbAdminUrl, poolSize: 2 })
let topics: ConsumedTopic[]
let tap: TopicTap

beforeAll(async () => {
  topics = await consumedTopics()
  tap = await tapTopics(
    kafka,
    topics.map((t) => dlqTopicOf(t.topic)),
  )
})
afterAll(async () => {
  await tap.close()
  await db.close()
})

/** An id no aggregate has (≥ 2^52): the valid events below change nothing real. */
const nothingId = () => 2 ** 52 + Math.floor(Math.random() * 2 ** 40)

/** The example's data with every id replaced by one no aggregate has. */
function withNothingIds(value: unknown, key = ''): unknown {
  if (typeof value === 'number' && /Id$|^id$/.test(key)) return nothingId()
  if (Array.isArray(value)) return value.map((v) => withNothingIds(v, key.endsWith('Ids') ? 'Id' : key))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNothingIds(v, k)]))
  }
  return value
}

function freshEvent(example: ExampleEvent, data: unknown): ExampleEvent {
  const id = crypto.randomUUID()
  return { ...example, id, time: new Date().toISOString(), causationid: id, data: data as Record<string, unknown> }
}

const garbage = (bytes: number[]) => Buffer.from(bytes)

interface Malformed {
  label: string
  record: OutgoingRecord
  /** The groups that must dead-letter it: all of the topic's, or those handling its type. */
  groups: string[]
  reason: 'undecodable' | 'contract-violation'
}

/** Wrong-type data: every field of the example's data replaced by a value of another JSON type. */
const wrongTypes = (data: Record<string, unknown>, pick: unknown[]) =>
  Object.fromEntries(Object.keys(data).map((k, i) => [k, pick[i % pick.length]]))

function malformedFor(consumed: ConsumedTopic, random: unknown[]): Malformed[] {
  const all = [...consumed.groups.keys()]
  const key = `fuzz-${crypto.randomUUID()}`
  const undecodable = (label: string, record: OutgoingRecord): Malformed => ({
    label,
    record,
    groups: all,
    reason: 'undecodable',
  })
  const cases: Malformed[] = [
    undecodable('not JSON', { key, value: 'not json {' }),
    undecodable('JSON, not a CloudEvent', { key, value: JSON.stringify({ hello: 'world', data: {} }) }),
    undecodable('empty value', { key, value: '' }),
    // Close to the broker's limit (message.max.bytes, 1 MiB by default), with room for the DLQ's headers.
    undecodable('oversized', { key, value: `"${'x'.repeat(1_000_000)}"` }),
    undecodable('binary garbage value, key and headers', {
      key: garbage([0xff, 0x00, 0xfe]),
      value: garbage([0x80, 0x81, 0x00, 0xc3, 0x28]),
      headers: { id: garbage([0xff, 0xfe]), ce_type: garbage([0x00]), traceparent: garbage([0xc3, 0x28]) },
    }),
  ]
  for (const [group, examples] of consumed.groups) {
    const example = examples[0]
    if (!example) continue
    const handling = all.filter((g) => consumed.groups.get(g)?.some((e) => e.type === example.type))
    const broken = (label: string, data: unknown, extra: Partial<OutgoingRecord> = {}): Malformed => ({
      label: `${example.type} (${group}) ${label}`,
      record: { key, value: JSON.stringify(freshEvent(example, data)), ...extra },
      groups: handling,
      reason: 'contract-violation',
    })
    cases.push(
      broken('missing data fields', {}),
      broken('wrong-type data fields', wrongTypes(example.data, random)),
      broken('with a null key', wrongTypes(example.data, random), { key: null }),
      broken(
        'with garbage headers',
        {},
        { headers: { id: garbage([0xff]), ce_type: 'not.this.type', traceparent: 'zz' } },
      ),
    )
  }
  return cases
}

async function inboxHas(group: string, eventId: string): Promise<boolean> {
  const [rows] = await db.pool.query(
    `SELECT 1 FROM commerce_${group}.processed_events WHERE consumer = ? AND event_id = ?`,
    [group, eventId],
  )
  return (rows as unknown[]).length > 0
}

test('malformed records on every consumed topic go to its DLQ with a reason, and a valid event after them is handled', async () => {
  await using producer = await openProducer(kafka)
  const expected: { topic: string; partition: number; offset: string; label: string; group: string; reason: string }[] =
    []
  const valid: { topic: string; group: string; eventId: string }[] = []
  for (const consumed of topics) {
    // Wrong-type values drawn from the run's seed (FUZZ_SEED replays them).
    const random = fc.sample(fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom(null, [], {}, -1, 2 ** 63)), {
      seed: seedFor(consumed.topic),
      numRuns: 8,
    })
    for (const item of malformedFor(consumed, random)) {
      const [at] = await producer.send(consumed.topic, [item.record])
      for (const group of item.groups) {
        expected.push({
          topic: consumed.topic,
          partition: at?.partition ?? -1,
          offset: String(at?.offset),
          label: item.label,
          group,
          reason: item.reason,
        })
      }
    }
    // Then one valid event per group, of a type it handles, about aggregates that do not exist: it gets its inbox row.
    for (const [group, examples] of consumed.groups) {
      const example = examples[0]
      if (!example) continue
      const event = freshEvent(example, withNothingIds(example.data))
      await producer.send(consumed.topic, [
        { key: String(nothingId()), value: JSON.stringify(event), headers: { id: event.id, ce_type: event.type } },
      ])
      valid.push({ topic: consumed.topic, group, eventId: event.id })
    }
  }
  console.log(`fuzz seed ${fuzzConfig.seed}: ${expected.length} dead letters expected on ${topics.length} topics`)

  const missing = () =>
    expected.filter(
      (e) =>
        !tap.records.some(
          (r) =>
            r.topic === dlqTopicOf(e.topic) &&
            r.headers['dlq-original-partition'] === String(e.partition) &&
            r.headers['dlq-original-offset'] === e.offset &&
            r.headers['dlq-consumer'] === e.group &&
            r.headers['dlq-reason'] === e.reason,
        ),
    )
  await eventually(() => missing().length === 0, { what: 'every dead letter', timeoutMs: 60_000 }).catch(
    () => undefined,
  )
  expect(missing()).toEqual([])
  const unhandled = async () => {
    const seen = await Promise.all(valid.map((v) => inboxHas(v.group, v.eventId)))
    return valid.filter((_, i) => !seen[i])
  }
  await eventually(async () => (await unhandled()).length === 0, { what: 'the valid events', timeoutMs: 60_000 }).catch(
    () => undefined,
  )
  expect(await unhandled()).toEqual([])
})
