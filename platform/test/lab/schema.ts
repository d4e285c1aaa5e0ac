import { bigint, datetime, index, mysqlTable, varchar } from 'drizzle-orm/mysql-core'

export { idempotencyKeys, jobLeases, outbox, parkedEvents, processedEvents } from '../../src/db/tables'

/** The walking skeleton's business row: what a use case writes next to its outbox row. */
export const labNotes = mysqlTable('lab_notes', {
  id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
  body: varchar('body', { length: 500 }).notNull(),
  createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
})

/** The consumer's effect. Deliberately no unique key: a duplicated effect shows up as a second row. */
export const labEffects = mysqlTable(
  'lab_effects',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    noteId: bigint('note_id', { mode: 'number', unsigned: true }).notNull(),
    eventId: varchar('event_id', { length: 64 }).notNull(),
    consumer: varchar('consumer', { length: 100 }).notNull(),
    appliedAt: datetime('applied_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (t) => [index('lab_effects_note').on(t.noteId)],
)

/** What the job tests' runs record: one row per run, with DB-clock start and end, to count runs and find overlaps. */
export const labJobRuns = mysqlTable(
  'lab_job_runs',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    job: varchar('job', { length: 100 }).notNull(),
    runner: varchar('runner', { length: 100 }).notNull(),
    startedAt: datetime('started_at', { mode: 'date', fsp: 3 }).notNull(),
    finishedAt: datetime('finished_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [index('lab_job_runs_job').on(t.job)],
)
