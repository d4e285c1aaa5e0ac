import { describe, expect, test } from 'bun:test'
import { eventually, freshName, publishEvent, startTestService, waitForOutboxEvent } from '../../src/testing'
import { SampleNotePostedV1 } from '../lab/sample-events'
import { sampleService } from '../lab/service'
import { postNote, sampleConfig } from './sample-fixture'

type NoteView = { data: { noteId: number; body: string; effects: number } }

describe('sample service (runService: route, consumer, leased job)', () => {
  test('when a note is posted, then it is stored, relayed by Debezium and consumed exactly once', async () => {
    await using service = await startTestService(sampleService(sampleConfig()))
    const key = freshName('note')

    const first = await postNote(service.url, 'posted through runService', key)
    const replay = await postNote(service.url, 'posted through runService', key)
    const noteId = first.body?.data?.noteId ?? 0
    const view = await eventually(async () => {
      const response = await fetch(`${service.url}/api/notes/${noteId}`)
      const body = (await response.json()) as NoteView
      return body.data.effects === 1 && body.data
    })

    expect({ first: first.status, replayed: replay.body, view }).toEqual({
      first: 201,
      replayed: first.body,
      view: { noteId, body: 'posted through runService', effects: 1 },
    })
  })

  test('when the service runs, then readiness names every dependency and its consumer, and turns red on stop', async () => {
    const service = await startTestService(sampleService(sampleConfig({ SHUTDOWN_DRAIN_MS: '500' })))
    const ready = (await (await fetch(`${service.url}/health/ready`)).json()) as { data: { checks: object } }

    const stopping = service.stop()
    const during = await fetch(`${service.url}/health/ready`).then(
      (r) => r.status,
      () => 0,
    )
    await stopping

    expect(Object.keys(ready.data.checks).sort()).toEqual(['consumer:sample', 'db', 'kafka', 'lifecycle', 'redis'])
    expect(during).toBe(503)
  })

  test('when another producer publishes a posted note, then the harness sees the outbox row and the consumer applies the event once', async () => {
    await using service = await startTestService(sampleService(sampleConfig()))
    const posted = await postNote(service.url, 'through the harness')
    const noteId = posted.body?.data?.noteId ?? 0

    const outboxEvent = await waitForOutboxEvent(
      service.deps.db,
      'sample.note.posted',
      (event) => (event.data as { noteId?: number }).noteId === noteId,
    )
    const published = await publishEvent(service.deps.kafka, SampleNotePostedV1, { noteId, body: 'published again' })
    const effects = await eventually(async () => {
      const view = (await (await fetch(`${service.url}/api/notes/${noteId}`)).json()) as NoteView
      return view.data.effects === 2 && view.data.effects
    })

    expect({ outbox: outboxEvent.data, effects, distinct: published.id !== outboxEvent.id }).toEqual({
      outbox: { noteId, body: 'through the harness' },
      effects: 2,
      distinct: true,
    })
  })
})
