import { defineEvent } from '@commerce/contracts'
import { Type } from '@sinclair/typebox'

/** The walking skeleton's event: test-only, so it lives beside the lab, not in the contracts catalogue. */
export const LabNoteCreatedV1 = defineEvent({
  type: 'lab.note.created',
  version: 1,
  source: '/commerce/lab',
  aggregateType: 'lab',
  key: (data) => String(data.noteId),
  subject: (data) => `note/${data.noteId}`,
  data: Type.Object({
    noteId: Type.Integer({ minimum: 1 }),
    body: Type.String(),
    /** Epoch milliseconds (fractional) when the writer committed: the CDC benchmark's clock. */
    sentAt: Type.Optional(Type.Number()),
  }),
})
