import type { EventMeta } from '@commerce/contracts'
import type { AnyTx } from '../../../src/db'
import { appendOutbox } from '../../../src/outbox'
import { SampleNotePostedV1 } from '../sample-events'
import { labNotes } from '../schema'

/** Writes a note and its `sample.note.posted` outbox row in the caller's transaction. */
export async function postNote(tx: AnyTx, input: { body: string }, meta: EventMeta) {
  const [inserted] = await tx.insert(labNotes).values({ body: input.body, createdAt: meta.now })
  const note = { noteId: inserted.insertId, body: input.body }
  await appendOutbox(tx, SampleNotePostedV1.create(note, meta))
  return note
}
