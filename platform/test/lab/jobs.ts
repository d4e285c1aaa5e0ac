import { isNull, lt, sql } from 'drizzle-orm'
import type { JobDefinition } from '../../src/jobs'
import { labEffects, labNotes } from './schema'

/** The sample's own leased job: how many notes older than a minute still have no effect (a stuck consumer shows here). */
export const unconsumedNotesJob: JobDefinition = {
  name: 'sample-unconsumed-notes',
  everyMs: 60_000,
  run: async ({ db }) => {
    const [row] = await db
      .select({ count: sql<number>`count(*)` })
      .from(labNotes)
      .leftJoin(labEffects, sql`${labEffects.noteId} = ${labNotes.id}`)
      .where(sql`${isNull(labEffects.id)} and ${lt(labNotes.createdAt, new Date(Date.now() - 60_000))}`)
    return { unconsumed: Number(row?.count ?? 0) }
  },
}
