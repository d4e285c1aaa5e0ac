import { describe, expect, test } from 'bun:test'
import { encodeEvent } from '../../src/kafka'
import { eventually } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import { onNoteCreatedCallingOut } from '../lab/handlers'
import { startReceiptsServer } from '../lab/receipts'
import {
  effectsOf,
  freshMeta,
  insertBareNote,
  labInfra,
  outcomeCount,
  produceTo,
  retryCount,
  startLabConsumer,
} from './lab-fixture'

describe('consumer runner: a handler that calls out', () => {
  test('when the final step fails after the call and the event is redelivered later, then the call is keyed once and the effect happens once', async () => {
    await using infra = labInfra()
    await using receipts = startReceiptsServer()
    const handler = onNoteCreatedCallingOut('call-out', { receiptsUrl: receipts.url, failFinalStepOnce: true })
    await using consumer = await startLabConsumer(infra, { handlers: [handler] })
    const noteId = await insertBareNote(infra, 'calls out')
    const event = LabNoteCreatedV1.create({ noteId, body: 'calls out' }, freshMeta())
    const key = `note-effect-${event.event.id}`

    await produceTo(infra, [encodeEvent(event)])
    await eventually(async () => (await outcomeCount(consumer.groupId, 'lab.note.created', 'handled')) === 1)
    await produceTo(infra, [encodeEvent(event)])
    await eventually(async () => (await outcomeCount(consumer.groupId, 'lab.note.created', 'duplicate')) === 1)

    expect({
      effects: (await effectsOf(infra, noteId)).map((e) => e.eventId),
      receipts: [...receipts.receipts.keys()],
      // Two requests with one key: the retry after the failed final step asked again and got the same receipt.
      requests: receipts.receipts.get(key)?.requests,
      retries: await retryCount(consumer.groupId),
    }).toEqual({ effects: [event.event.id], receipts: [key], requests: 2, retries: 1 })
  })
})
