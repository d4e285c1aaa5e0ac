import { eq } from 'drizzle-orm'
import { EventRejected, handle } from '../../src/kafka'
import { LabNoteCreatedV1 } from './events'
import { labEffects, labNotes } from './schema'

/** The skeleton's consumer: locks the note, records one effect row. An event about an unknown note is rejected. */
export const onNoteCreated = (consumer: string) =>
  handle(LabNoteCreatedV1, async (event, { tx, meta }) => {
    const [note] = await tx.select().from(labNotes).where(eq(labNotes.id, event.data.noteId)).for('update')
    if (!note) throw new EventRejected('unknown-note', `note ${event.data.noteId} does not exist`)
    await tx.insert(labEffects).values({ noteId: note.id, eventId: event.id, consumer, appliedAt: meta.now })
  })
