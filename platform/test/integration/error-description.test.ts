import { describe, expect, test } from 'bun:test'
import { sql } from 'drizzle-orm'
import { processedEvents } from '../../src/db'
import { describeError, encodeEvent, handle } from '../../src/kafka'
import type { Logger } from '../../src/log'
import { eventually, tapTopics } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import { insertBareNote, LAB_DLQ, labInfra, produceTo, startLabConsumer } from './lab-fixture'

const email = `alice.${crypto.randomUUID().slice(0, 8)}@example.com`

/** A Logger that keeps every line as JSON, to search for data that must not be there. */
function recordingLogger(lines: string[] = []): Logger {
  const write = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, msg, ...fields }))
  }
  const logger: Logger = {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: () => logger,
    isLevelEnabled: () => true,
  }
  return Object.assign(logger, { lines })
}

describe('error descriptions carry no data', () => {
  test('when Drizzle fails on a duplicate key with an email parameter, then describeError names the failure without the email', async () => {
    await using infra = labInfra()
    const row = { consumer: email, eventId: crypto.randomUUID(), eventType: 't', processedAt: new Date() }
    await infra.db.insert(processedEvents).values(row)

    const error = await infra.db
      .insert(processedEvents)
      .values(row)
      .catch((e: unknown) => e)

    const raw = `${(error as Error).message} ${((error as Error).cause as Error).message}`
    const described = describeError(error)
    expect({ rawLeaks: raw.includes(email), describedLeaks: described.includes(email), described }).toEqual({
      rawLeaks: true,
      describedLeaks: false,
      described: expect.stringMatching(
        /^Error: Failed query: insert into `processed_events` \(.*\) values \([?, default]*\) <- ER_DUP_ENTRY$/,
      ),
    })
  })

  test('when a handler fails on a query with an email parameter, then neither the DLQ headers nor the log lines carry it', async () => {
    const lines: string[] = []
    await using infra = labInfra({ logger: recordingLogger(lines) })
    await using dlq = await tapTopics(infra.kafka, [LAB_DLQ])
    const noteId = await insertBareNote(infra, 'fails with an email parameter')
    // Only this test's note: other writers share the lab topic and their events must not be dead-lettered here.
    const failing = handle(LabNoteCreatedV1, async (event, { tx }) => {
      if (event.data.noteId !== noteId) return
      await tx.execute(sql`SELECT no_such_column FROM lab_notes WHERE body = ${email}`)
    })
    await using _consumer = await startLabConsumer(infra, { handlers: [failing] })
    const event = LabNoteCreatedV1.create(
      { noteId, body: 'x' },
      { now: new Date(), correlationId: 'c', causationId: 'c' },
    )

    await produceTo(infra, [encodeEvent(event)])

    const letter = await eventually(() => dlq.records.find((r) => r.headers['id'] === event.event.id))
    expect({
      error: letter.headers['dlq-error'],
      headersLeak: JSON.stringify(letter.headers).includes(email),
      logged: lines.some((l) => l.includes('event dead-lettered')),
      logsLeak: lines.some((l) => l.includes(email)),
    }).toEqual({
      error: 'Error: Failed query: SELECT no_such_column FROM lab_notes WHERE body = ? <- ER_BAD_FIELD_ERROR',
      headersLeak: false,
      logged: true,
      logsLeak: false,
    })
  })
})
