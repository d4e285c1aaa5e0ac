import { eq, sql } from 'drizzle-orm'
import type { AnyTx } from '../../src/db'
import { EventRejected, handle, transient } from '../../src/kafka'
import { LabNoteCreatedV1 } from './events'
import { callReceipts } from './receipts'
import { labEffects, labNotes } from './schema'

async function lockedNote(tx: AnyTx, noteId: number) {
  const [note] = await tx.select().from(labNotes).where(eq(labNotes.id, noteId)).for('update')
  if (!note) throw new EventRejected('unknown-note', `note ${noteId} does not exist`)
  return note
}

/**
 * The skeleton's consumer: locks the note, records one effect row. An event about an unknown note is rejected.
 * `lockWaitTimeoutS` makes a lock held elsewhere surface quickly as ER_LOCK_WAIT_TIMEOUT (a transient failure).
 */
export const onNoteCreated = (consumer: string, options: { lockWaitTimeoutS?: number } = {}) =>
  handle(LabNoteCreatedV1, async (event, { tx, meta }) => {
    if (options.lockWaitTimeoutS !== undefined) {
      await tx.execute(sql`SET SESSION innodb_lock_wait_timeout = ${sql.raw(String(options.lockWaitTimeoutS))}`)
    }
    const note = await lockedNote(tx, event.data.noteId)
    await tx.insert(labEffects).values({ noteId: note.id, eventId: event.id, consumer, appliedAt: meta.now })
  })

/**
 * The call-out pattern (a payment handler calling its PG): check the note in one short transaction, ask the receipts
 * service for a receipt keyed by the event id outside any transaction, record the effect in the final step.
 * `failFinalStepOnce` makes the first final step fail transiently after the call was made.
 */
export const onNoteCreatedCallingOut = (
  consumer: string,
  options: { receiptsUrl: string; failFinalStepOnce?: boolean },
) => {
  let failed = false
  return handle(
    LabNoteCreatedV1,
    async (event, { step, finalStep, meta }) => {
      const note = await step((tx) => lockedNote(tx, event.data.noteId))
      await callReceipts(options.receiptsUrl, `note-effect-${event.id}`)
      await finalStep(async (tx) => {
        await tx.insert(labEffects).values({ noteId: note.id, eventId: event.id, consumer, appliedAt: meta.now })
        if (options.failFinalStepOnce && !failed) {
          failed = true
          throw transient(new Error('injected: the final step failed after the call'))
        }
      })
    },
    { callsOut: true },
  )
}
