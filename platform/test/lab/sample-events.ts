import { defineEvent } from '@commerce/contracts'
import { Type } from '@sinclair/typebox'

/** The sample service's event: a note posted through its HTTP API (topic commerce.sample.events, key noteId). */
export const SampleNotePostedV1 = defineEvent({
  type: 'sample.note.posted',
  version: 1,
  source: '/commerce/sample',
  aggregateType: 'sample',
  key: (data) => String(data.noteId),
  subject: (data) => `note/${data.noteId}`,
  data: Type.Object({ noteId: Type.Integer({ minimum: 1 }), body: Type.String() }),
})
