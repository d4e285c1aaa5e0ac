import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createKafka, encodeEvent, endOffsets, produce } from '../../src/kafka'
import { call, eventually, freshName, positionGroupAtEnd, tapTopics, testEnv, tokenFor } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import { labInfra, startLabConsumer } from './lab-fixture'
import { scratchTopics, startOpsConsole } from './ops-fixture'

const env = testEnv()
const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: freshName('ops-test') })
let ops: Awaited<ReturnType<typeof startOpsConsole>>
let admin: string
let member: string
const meta = () => ({ now: new Date(), correlationId: 'ops-test', causationId: 'ops-test' })

beforeAll(async () => {
  ops = startOpsConsole(kafka)
  ;[admin, member] = await Promise.all([
    tokenFor(env.serviceUrl('auth'), ['USER', 'ADMIN']),
    tokenFor(env.serviceUrl('auth'), ['USER']),
  ])
})
afterAll(() => ops[Symbol.asyncDispose]())

const api = (path: string, request: { token?: string; body?: unknown } = {}) =>
  call(`${ops.url}${path}`, { ...request, ...(request.body ? { method: 'POST' } : {}) })

describe('ops API access', () => {
  test('when a caller has no token or no ADMIN role, then every /api/ops route answers 401 or 403 with the envelope', async () => {
    const routes = [
      { path: '/api/ops/connectors' },
      { path: '/api/ops/consumer-groups' },
      { path: '/api/ops/dlq' },
      { path: '/api/ops/sagas/1' },
      { path: '/api/ops/dlq/replay', body: { topic: 'commerce.lab.events.dlq' } },
    ]
    const answers = await Promise.all(
      routes.flatMap((r) => [
        api(r.path, { body: r.body }),
        api(r.path, { body: r.body, token: member }),
        api(r.path, { body: r.body, token: 'not-a-jwt' }),
      ]),
    )
    const seen = answers.map((a) => [a.status, a.body?.success, a.body?.error?.code])
    const expected = routes.flatMap(() => [
      [401, false, 'COMMON-401-001'],
      [403, false, 'COMMON-403'],
      [401, false, 'COMMON-401-001'],
    ])
    expect(seen).toEqual(expected)
  })
})

describe('ops API for an admin', () => {
  test('when an admin asks for connectors, then the outbox connector and its task read RUNNING', async () => {
    // Other tests crash and restart Connect: wait until it answers with the connector running again.
    const { status, body } = await eventually(async () => {
      const reply = await api('/api/ops/connectors', { token: admin })
      const running = reply.body?.data?.find((c: { name: string; state: string }) => c.name === 'outbox-mariadb')
      return running?.state === 'RUNNING' && running.tasks[0]?.state === 'RUNNING' && reply
    })
    const outbox = body.data.find((c: { name: string }) => c.name === 'outbox-mariadb')
    expect({ status, state: outbox?.state, tasks: outbox?.tasks.map((t: { state: string }) => t.state) }).toEqual({
      status: 200,
      state: 'RUNNING',
      tasks: ['RUNNING'],
    })
  })

  test('when an admin asks for consumer groups, then a group behind on a topic shows its committed offset, end and lag', async () => {
    await using scratch = await scratchTopics(kafka, 'opslag')
    const groupId = freshName('ops-lag')
    // A group that committed at the start (read back: a commit right after topic creation can be lost), then three
    // records it never reads.
    await positionGroupAtEnd(kafka, groupId, [scratch.topic])
    await produce(
      kafka,
      scratch.topic,
      [1, 2, 3].map((n) => ({ key: `k${n}`, value: `{"n":${n}}` })),
    )

    const { status, body } = await api('/api/ops/consumer-groups', { token: admin })
    const group = body.data.find((g: { groupId: string }) => g.groupId === groupId)
    // The log's end as Kafka tells it (a produce retried under load may have written a record twice).
    const [end] = await endOffsets(kafka, [scratch.topic])
    expect({
      status,
      group: { state: group?.state, partitions: group?.partitions, totalLag: group?.totalLag },
    }).toEqual({
      status: 200,
      group: {
        state: 'Empty',
        partitions: [
          { topic: scratch.topic, partition: 0, committed: '0', end: String(end?.offset), lag: Number(end?.offset) },
        ],
        totalLag: Number(end?.offset),
      },
    })
    expect(Number(end?.offset)).toBeGreaterThanOrEqual(3)
  })

  test('when a record breaks its contract, then the DLQ lists it with reason and origin, and a one-record replay moves it back', async () => {
    await using scratch = await scratchTopics(kafka, 'opsdlq')
    await using infra = labInfra()
    const broken = await (async () => {
      await using dlq = await tapTopics(kafka, [scratch.dlq])
      await using consumer = await startLabConsumer(infra, { topics: [scratch.topic] })
      const valid = LabNoteCreatedV1.create({ noteId: 1, body: 'ok' }, meta())
      const event = { ...valid.event, data: { noteId: 'not a number' } }
      await produce(kafka, scratch.topic, [encodeEvent({ ...valid, event } as unknown as typeof valid)])
      await eventually(() => dlq.records.length === 1)
      return { event, consumer: consumer.groupId }
    })()
    const listed = await api(`/api/ops/dlq?topic=${scratch.dlq}`, { token: admin })
    const letter = listed.body.data.letters[0]
    const byOtherType = await api('/api/ops/dlq/replay', {
      token: admin,
      body: { topic: scratch.topic, type: 'lab.something.else' },
    })
    await using moved = await tapTopics(kafka, [scratch.topic])
    const byRecord = await api('/api/ops/dlq/replay', {
      token: admin,
      body: { topic: scratch.dlq, partition: 0, offset: '1' },
    })
    await eventually(() => moved.records.length === 1)
    const after = await api(`/api/ops/dlq?topic=${scratch.dlq}`, { token: admin })

    expect({
      topics: listed.body.data.topics,
      letter: { ...letter, failedAt: typeof letter.failedAt, time: typeof letter.time, error: typeof letter.error },
      byOtherType: byOtherType.body.data,
      byRecord: byRecord.body.data,
      movedId: moved.records[0]?.headers['id'],
      statuses: after.body.data.letters.map((l: { offset: string; status: string }) => [l.offset, l.status]),
    }).toEqual({
      topics: [{ topic: scratch.dlq, total: 1, pending: 1 }],
      letter: {
        dlqTopic: scratch.dlq,
        partition: 0,
        offset: '0',
        key: expect.any(String),
        reason: 'contract-violation',
        rejectionReason: null,
        error: 'string',
        consumer: broken.consumer,
        originalTopic: scratch.topic,
        originalPartition: 0,
        originalOffset: '0',
        failedAt: 'string',
        eventId: broken.event.id,
        type: 'lab.note.created',
        time: 'string',
        status: 'pending',
      },
      // The type filter leaves it out: set aside to the tail (offset 1), still pending.
      byOtherType: { topic: scratch.dlq, moved: 0, kept: 1, pendingBefore: 1, pendingAfter: 1 },
      byRecord: { topic: scratch.dlq, moved: 1, kept: 0, pendingBefore: 1, pendingAfter: 0 },
      movedId: broken.event.id,
      statuses: [
        ['0', 'requeued'],
        ['1', 'replayed'],
      ],
    })
  })

  test('when Prometheus scrapes /metrics, then the ops gauges are there with the connector running', async () => {
    const { response, text } = await eventually(async () => {
      const response = await fetch(`${ops.url}/metrics`)
      const text = await response.text()
      return text.includes('connect_connector_running{connector="outbox-mariadb"} 1') && { response, text }
    })
    const families = [
      'kafka_consumergroup_lag',
      'dlq_pending_records',
      'connect_connector_running',
      'connect_task_running',
    ]
    expect({
      status: response.status,
      families: families.filter((f) => text.includes(`# TYPE ${f} gauge`)),
      connector: text.includes('connect_connector_running{connector="outbox-mariadb"} 1'),
      task: text.includes('connect_task_running{connector="outbox-mariadb",task="0"} 1'),
      dlq: /dlq_pending_records\{topic="commerce\.lab\.events\.dlq"\} \d+/.test(text),
      lag: /kafka_consumergroup_lag\{group="[^"]+",topic="[^"]+",partition="\d+"\} \d+/.test(text),
    }).toEqual({ status: 200, families, connector: true, task: true, dlq: true, lag: true })
  })
})
