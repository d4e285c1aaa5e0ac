import type { Db } from '../../src/db'
import { appendOutbox } from '../../src/outbox'
import { LabNoteCreatedV1 } from './events'
import { labNotes } from './schema'

/** Thrown inside the transaction to prove that a rolled-back write publishes nothing. */
export class RollbackRequested extends Error {
  override name = 'RollbackRequested'
}

/**
 * The walking skeleton's use case, run the way a route runs one: the edge opens the transaction, the business row
 * and the outbox row commit together (or not at all).
 */
export async function writeNote(db: Db, body: string, options: { rollback?: boolean; sentAt?: number } = {}) {
  return db.transaction(async (tx) => {
    const now = new Date()
    const [inserted] = await tx.insert(labNotes).values({ body, createdAt: now })
    const noteId = inserted.insertId
    const data = { noteId, body, ...(options.sentAt === undefined ? {} : { sentAt: options.sentAt }) }
    const outgoing = LabNoteCreatedV1.create(data, {
      now,
      correlationId: `note-${noteId}`,
      causationId: crypto.randomUUID(),
    })
    await appendOutbox(tx, outgoing)
    if (options.rollback) throw new RollbackRequested(`rolled back note ${noteId}`)
    return { noteId, outgoing }
  })
}
