import { describe, expect, test } from 'bun:test'
import { eventually, freshName, startTestService } from '../../src/testing'
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
})
