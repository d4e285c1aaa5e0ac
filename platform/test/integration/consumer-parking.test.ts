import { describe, expect, test } from 'bun:test'
import { and, eq } from 'drizzle-orm'
import { parkedEvents } from '../../src/db'
import { EventNotYet, encodeEvent, handle, indexHandlers, retryParked } from '../../src/kafka'
import { eventually } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import { labEffects } from '../lab/schema'
import {
  effectsOf,
  freshMeta,
  insertBareNote,
  labInfra,
  outcomeCount,
  produceTo,
  startLabConsumer,
} from './lab-fixture'

// An early event (SPEC §6) waits for something another topic brings; here, a note whose gate the test opens.
function gatedHandler(consumer: string, openGates: Set<number>) {
  return handle(LabNoteCreatedV1, async (event, { tx, meta }) => {
    if (!openGates.has(event.data.noteId)) throw new EventNotYet('GATE_CLOSED', `note ${event.data.noteId} waits`)
    await tx.insert(labEffects).values({ noteId: event.data.noteId, eventId: event.id, consumer, appliedAt: meta.now })
  })
}

const parkedRow = (infra: ReturnType<typeof labInfra>, at: { consumer: string; eventId: string }) =>
  infra.db
    .select()
    .from(parkedEvents)
    .where(and(eq(parkedEvents.consumer, at.consumer), eq(parkedEvents.eventId, at.eventId)))

describe('consumer runner: early events are parked, never dropped', () => {
  test('when an event comes before its prerequisite, then it is parked and the partition moves on; once the prerequisite is there, the retry pass applies it once', async () => {
    await using infra = labInfra()
    const openGates = new Set<number>()
    const consumer = await startLabConsumer(infra, { handlers: [] })
    const groupId = consumer.groupId
    await consumer.stop()
    const handler = gatedHandler(groupId, openGates)
    await using running = await startLabConsumer(infra, { groupId, handlers: [handler] })
    const early = await insertBareNote(infra, 'early')
    const later = await insertBareNote(infra, 'later')
    openGates.add(later)
    // Same key: the same partition, the early one first. It must not hold the later one up.
    const earlyEvent = LabNoteCreatedV1.create({ noteId: early, body: 'early' }, freshMeta())
    const laterEvent = LabNoteCreatedV1.create({ noteId: later, body: 'later' }, freshMeta())
    const sameKey = (record: ReturnType<typeof encodeEvent>) => ({ ...record, key: 'one-partition' })
    await produceTo(infra, [sameKey(encodeEvent(earlyEvent)), sameKey(encodeEvent(laterEvent))])
    await eventually(async () => (await effectsOf(infra, later)).length === 1, { what: 'the later event handled' })
    // Delivered again (a redelivery after a crash before the commit): still one parked row.
    await produceTo(infra, [sameKey(encodeEvent(earlyEvent))])
    await eventually(async () => (await outcomeCount(groupId, 'lab.note.created', 'parked')) === 2)
    const at = { consumer: groupId, eventId: earlyEvent.event.id }
    const parkedBefore = await parkedRow(infra, at)
    const stillEarly = await retryParked({
      db: infra.db,
      consumer: groupId,
      handlers: indexHandlers([handler]),
      logger: infra.logger,
    })

    openGates.add(early)
    // Due after its backoff (1 s): the pass takes it once it is due.
    const passes = await eventually(
      async () => {
        const pass = await retryParked({
          db: infra.db,
          consumer: groupId,
          handlers: indexHandlers([handler]),
          logger: infra.logger,
        })
        return pass.taken === 1 && pass
      },
      { timeoutMs: 10_000, what: 'the parked event taken' },
    )
    expect({
      parkedBefore: parkedBefore.map((r) => ({ reason: r.reason, attempts: r.attempts, saga: r.correlationId })),
      // Not due yet right after parking: nothing offered.
      stillEarly,
      passes,
      effects: (await effectsOf(infra, early)).map((e) => e.eventId),
      parkedAfter: await parkedRow(infra, at),
      running: await running.check().then(() => 'yes'),
    }).toEqual({
      // Parked (1), then offered again right after the later event of its key was applied (2): still early.
      // Found by the saga timeline under its correlation id.
      parkedBefore: [{ reason: 'GATE_CLOSED', attempts: 2, saga: earlyEvent.event.correlationid }],
      stillEarly: { taken: 0, stillWaiting: 0, failed: 0 },
      passes: { taken: 1, stillWaiting: 0, failed: 0 },
      effects: [earlyEvent.event.id],
      parkedAfter: [],
      running: 'yes',
    })
  })

  test('when a parked event is offered while still early, then it stays parked with a longer backoff', async () => {
    await using infra = labInfra()
    const consumer = await startLabConsumer(infra, { handlers: [] })
    const groupId = consumer.groupId
    await consumer.stop()
    const handler = gatedHandler(groupId, new Set())
    await using _running = await startLabConsumer(infra, { groupId, handlers: [handler] })
    const noteId = await insertBareNote(infra, 'waits')
    const event = LabNoteCreatedV1.create({ noteId, body: 'waits' }, freshMeta())
    await produceTo(infra, [encodeEvent(event)])
    const at = { consumer: groupId, eventId: event.event.id }
    await eventually(async () => (await parkedRow(infra, at)).length === 1, { what: 'parked' })
    const options = { db: infra.db, consumer: groupId, handlers: indexHandlers([handler]), logger: infra.logger }
    await eventually(async () => (await retryParked(options)).stillWaiting === 1, { timeoutMs: 10_000 })
    const [row] = await parkedRow(infra, at)
    expect({
      attempts: row?.attempts,
      backoffMs: (row?.nextAttemptAt.getTime() ?? 0) - Date.now() > 1000,
      effects: await effectsOf(infra, noteId),
    }).toEqual({ attempts: 2, backoffMs: true, effects: [] })
  })
})

describe('consumer runner: a record of the same key offers parked events again at once', () => {
  test('when the event an early one waits for is handled, then the parked one is taken right after it, without waiting for a retry pass', async () => {
    await using infra = labInfra()
    const openGates = new Set<number>()
    const consumer = await startLabConsumer(infra, { handlers: [] })
    const groupId = consumer.groupId
    await consumer.stop()
    // The gate opens when the "prerequisite" note's event is handled: both travel under one key.
    const early = await insertBareNote(infra, 'early')
    const prerequisite = await insertBareNote(infra, 'prerequisite')
    const gated = gatedHandler(groupId, openGates)
    const opening = handle(LabNoteCreatedV1, async (event, context) => {
      if (event.data.noteId === prerequisite) openGates.add(early)
      await gated.run(event, context)
    })
    openGates.add(prerequisite)
    await using _running = await startLabConsumer(infra, { groupId, handlers: [opening] })
    const keyed = (record: ReturnType<typeof encodeEvent>) => ({ ...record, key: `order-${early}` })
    const earlyEvent = LabNoteCreatedV1.create({ noteId: early, body: 'early' }, freshMeta())
    await produceTo(infra, [keyed(encodeEvent(earlyEvent))])
    await eventually(
      async () => (await parkedRow(infra, { consumer: groupId, eventId: earlyEvent.event.id })).length === 1,
    )
    const prerequisiteEvent = LabNoteCreatedV1.create({ noteId: prerequisite, body: 'prerequisite' }, freshMeta())
    await produceTo(infra, [keyed(encodeEvent(prerequisiteEvent))])
    await eventually(async () => (await effectsOf(infra, early)).length === 1, { what: 'the parked event taken' })
    // Its parked row goes (and `unparked` is counted) right after the handler's transaction commits.
    await eventually(async () => (await outcomeCount(groupId, 'lab.note.created', 'unparked')) === 1, {
      what: 'the parked event counted as unparked',
    })

    // No retry-parked job runs beside a bare consumer: only the key path can have taken it.
    expect({
      unparked: await outcomeCount(groupId, 'lab.note.created', 'unparked'),
      parked: await parkedRow(infra, { consumer: groupId, eventId: earlyEvent.event.id }),
    }).toEqual({ unparked: 1, parked: [] })
  })
})
