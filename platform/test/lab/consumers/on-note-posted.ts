import { handle } from '../../../src/kafka'
import { SampleNotePostedV1 } from '../sample-events'
import { labEffects } from '../schema'

/** The sample's consumer: one effect row per posted note (the inbox makes a redelivery a no-op). */
export const onNotePosted = (consumer: string) =>
  handle(SampleNotePostedV1, async (event, { tx, meta }) => {
    await tx.insert(labEffects).values({ noteId: event.data.noteId, eventId: event.id, consumer, appliedAt: meta.now })
  })
