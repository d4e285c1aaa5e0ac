import { describe, expect, test } from 'bun:test'
import { createKafka } from '../../src/kafka'
import { createLogger } from '../../src/log'
import { sagaSources, sagaTimeline } from '../../src/ops/saga'
import type { ServiceSagaView } from '../../src/service'
import {
  eventually,
  freshName,
  positionGroupAtEnd,
  startTestService,
  testEnv,
  waitForOutboxEvent,
} from '../../src/testing'
import { sampleService } from '../lab/service'
import { postNote, sampleConfig } from './sample-fixture'

/** The sample service with a consumer group of its own (the stack's sample instance never takes this test's records). */
async function sampleWithOwnGroup() {
  const definition = sampleService(sampleConfig())
  const groupId = freshName('sample-saga')
  // Positioned at the end first: a fresh group would otherwise read the topic's whole history.
  const kafka = createKafka({ brokers: testEnv().kafkaBrokers, clientId: groupId })
  await positionGroupAtEnd(kafka, groupId, ['commerce.sample.events'])
  const service = await startTestService({
    ...definition,
    consumers: (deps) => (definition.consumers?.(deps) ?? []).map((spec) => ({ ...spec, groupId })),
  })
  return { service, groupId }
}

describe('saga view of a service (GET /internal/saga/:correlationId) and the timeline built from it', () => {
  test('when an event is published and consumed, then the service lists its outbox row and inbox row under the correlation id, and the timeline orders them', async () => {
    const { service: booted, groupId } = await sampleWithOwnGroup()
    await using service = booted
    const posted = await postNote(service.url, 'followed by its saga')
    const noteId = posted.body?.data?.noteId ?? 0
    const event = (await waitForOutboxEvent(
      service.deps.db,
      'sample.note.posted',
      (e) => (e.data as { noteId?: number }).noteId === noteId,
    )) as unknown as { id: string; correlationid: string }

    const view = await eventually(
      async () => {
        const reply = await fetch(`${service.url}/internal/saga/${event.correlationid}`)
        const body = (await reply.json()) as { data: ServiceSagaView }
        return body.data.inbox.some((r) => r.consumer === groupId) && body.data
      },
      { what: 'the consumed event in the saga view' },
    )
    const logger = createLogger({ test: 'saga-view' }, 'warn')
    const timeline = await sagaTimeline(
      sagaSources(
        {
          services: [{ name: 'sample', baseUrl: service.url }],
          serviceTimeoutMs: 2_000,
          dlq: { perPartition: 10, timeoutMs: 5_000 },
        },
        { kafka: service.deps.kafka, logger },
      ),
      event.correlationid,
    )

    expect({
      outbox: view.outbox.map((e) => [e.id, e.type]),
      inbox: view.inbox.filter((r) => r.consumer === groupId).map((r) => [r.eventId, r.eventType]),
      retention: view.retention,
      timeline: timeline.entries
        .filter((e) => e.kind === 'event' || e.consumer === groupId)
        .map((e) => [e.kind, e.type, e.id]),
    }).toEqual({
      outbox: [[event.id, 'sample.note.posted']],
      inbox: [[event.id, 'sample.note.posted']],
      retention: { outboxS: sampleConfig().OUTBOX_RETENTION_S, inboxS: sampleConfig().INBOX_RETENTION_S },
      timeline: [
        ['event', 'sample.note.posted', event.id],
        ['consumed', 'sample.note.posted', event.id],
      ],
    })
  })

  test('when a correlation id is unknown, then the view is empty and a service that does not answer is marked unavailable', async () => {
    await using service = await startTestService(sampleService(sampleConfig()))
    const logger = createLogger({ test: 'saga-view' }, 'warn')
    const services = [
      { name: 'sample', baseUrl: service.url },
      { name: 'gone', baseUrl: 'http://127.0.0.1:9' },
    ]

    const timeline = await sagaTimeline(
      sagaSources(
        { services, serviceTimeoutMs: 1_000, dlq: { perPartition: 10, timeoutMs: 5_000 } },
        { kafka: service.deps.kafka, logger },
      ),
      freshName('no-such-saga'),
    )

    expect({
      entries: timeline.entries,
      states: timeline.states.map((s) => [s.service, s.available]),
    }).toEqual({
      entries: [],
      states: [
        ['sample', true],
        ['gone', false],
      ],
    })
  })
})
