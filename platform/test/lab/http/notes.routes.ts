import { eq } from 'drizzle-orm'
import { Elysia, t } from 'elysia'
import type { Db } from '../../../src/db'
import { CommonErrors, Envelope, IdParam, idempotency, NonEmptyText, ok } from '../../../src/http'
import { labEffects, labNotes } from '../schema'
import { postNote } from '../use-cases/post-note'

const Note = t.Object({ noteId: t.Integer(), body: t.String() })
const NoteView = t.Object({ noteId: t.Integer(), body: t.String(), effects: t.Integer() })

/** `POST /api/notes` (Idempotency-Key) and `GET /api/notes/:id`: a write through a use case, a read in the route. */
export const notesRoutes = (deps: { db: Db }) =>
  new Elysia({ prefix: '/api/notes', detail: { tags: ['notes'] } })
    .use(idempotency({ db: deps.db }))
    .post(
      '/',
      ({ body, meta, status, idempotently }) =>
        idempotently(async (tx) => status(201, ok(await postNote(tx, body, meta)))),
      { idempotent: true, body: t.Object({ body: NonEmptyText(500) }), response: { 201: Envelope(Note) } },
    )
    .get(
      '/:id',
      async ({ params }) => {
        const [note] = await deps.db.select().from(labNotes).where(eq(labNotes.id, params.id))
        if (!note) throw CommonErrors.notFound('Note not found')
        const effects = await deps.db.select().from(labEffects).where(eq(labEffects.noteId, note.id))
        return ok({ noteId: note.id, body: note.body, effects: effects.length })
      },
      { params: IdParam, response: Envelope(NoteView) },
    )
