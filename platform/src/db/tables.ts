import {
  char,
  datetime,
  index,
  int,
  longtext,
  mysqlTable,
  primaryKey,
  smallint,
  varbinary,
  varchar,
} from 'drizzle-orm/mysql-core'

/**
 * The transactional outbox, in the shape Debezium's outbox EventRouter reads (SPEC §2):
 * `id` → record header `id`, `aggregate_id` → record key, `aggregate_type` → topic `commerce.<aggregate_type>.events`,
 * `payload` → record value (the CloudEvent JSON, byte for byte), `type` → header `ce_type`, `created_at` → record time.
 * Rows are only ever inserted; Debezium reads them from the binlog after commit.
 */
export const outbox = mysqlTable(
  'outbox',
  {
    id: char('id', { length: 36 }).primaryKey(),
    aggregateType: varchar('aggregate_type', { length: 64 }).notNull(),
    aggregateId: varchar('aggregate_id', { length: 255 }).notNull(),
    type: varchar('type', { length: 255 }).notNull(),
    payload: longtext('payload').notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 6 }).notNull(),
    /** The CloudEvent's `correlationid` (the saga: the order id), for the saga timeline; the EventRouter ignores it. */
    correlationId: varchar('correlation_id', { length: 255 }),
  },
  // pruneOutbox deletes by age; the saga timeline looks rows up by correlation id.
  (t) => [index('outbox_created_at').on(t.createdAt), index('outbox_correlation_id').on(t.correlationId)],
)

/** The inbox: one row per (consumer group, event id), written in the same transaction as the event's effect. */
export const processedEvents = mysqlTable(
  'processed_events',
  {
    consumer: varchar('consumer', { length: 100 }).notNull(),
    eventId: varchar('event_id', { length: 64 }).notNull(),
    eventType: varchar('event_type', { length: 255 }).notNull(),
    processedAt: datetime('processed_at', { mode: 'date', fsp: 3 }).notNull(),
    /** The event's `correlationid`, for the saga timeline (null on rows written before it was recorded). */
    correlationId: varchar('correlation_id', { length: 255 }),
  },
  (t) => [
    primaryKey({ columns: [t.consumer, t.eventId] }),
    index('processed_events_processed_at').on(t.processedAt),
    index('processed_events_correlation_id').on(t.correlationId),
  ],
)

/**
 * Idempotency-Key records (SPEC §3): one row per (caller scope, key), inserted in the same transaction as the
 * effect, so the effect happens once even if Redis is lost. `status` is null while the first request runs (or, with
 * `claimIdempotencyKey`, until its second transaction stores the answer).
 */
export const idempotencyKeys = mysqlTable(
  'idempotency_keys',
  {
    // Binary: keys are case-sensitive, the table's default collation is not.
    scope: varbinary('scope', { length: 100 }).notNull(),
    key: varbinary('idempotency_key', { length: 255 }).notNull(),
    fingerprint: char('fingerprint', { length: 64 }).notNull(),
    status: smallint('status', { unsigned: true }),
    contentType: varchar('content_type', { length: 100 }),
    body: longtext('body'),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created_at').on(t.createdAt)],
)

/**
 * One row per scheduled job (`scheduleJob` in platform/src/jobs): who holds its lease and until when (DB clock), and
 * how its last run went. A replica runs the job only after winning the lease with one conditional UPDATE.
 */
export const jobLeases = mysqlTable('job_leases', {
  name: varchar('name', { length: 100 }).primaryKey(),
  owner: varchar('owner', { length: 100 }),
  leaseUntil: datetime('lease_until', { mode: 'date', fsp: 3 }).notNull(),
  lastStartedAt: datetime('last_started_at', { mode: 'date', fsp: 3 }),
  lastFinishedAt: datetime('last_finished_at', { mode: 'date', fsp: 3 }),
  /** succeeded | failed (`JobOutcome`); null until the first run ends. */
  lastOutcome: varchar('last_outcome', { length: 16 }),
})

/**
 * Events that arrived before their prerequisite (SPEC §6: e.g. `payment.completed` while the order still waits for
 * `stock.reserved`): the consumer parks them here and commits past them, so the partition keeps flowing, and the
 * `retry-parked` job hands them to their handler again until it takes them (then the row goes). Never dropped.
 */
export const parkedEvents = mysqlTable(
  'parked_events',
  {
    consumer: varchar('consumer', { length: 100 }).notNull(),
    eventId: varchar('event_id', { length: 64 }).notNull(),
    eventType: varchar('event_type', { length: 255 }).notNull(),
    topic: varchar('topic', { length: 255 }).notNull(),
    /** The record's key (the aggregate id): a record of the same key handled later offers it again at once. */
    recordKey: varchar('record_key', { length: 255 }),
    /** The record as consumed (the CloudEvent JSON), handed to the handler again unchanged. */
    payload: longtext('payload').notNull(),
    /** What the handler is waiting for, in its words (EventNotYet's reason). */
    reason: varchar('reason', { length: 255 }).notNull(),
    attempts: int('attempts', { unsigned: true }).notNull(),
    parkedAt: datetime('parked_at', { mode: 'date', fsp: 3 }).notNull(),
    nextAttemptAt: datetime('next_attempt_at', { mode: 'date', fsp: 3 }).notNull(),
    /** The event's `correlationid`, for the saga timeline. */
    correlationId: varchar('correlation_id', { length: 255 }),
  },
  (t) => [
    primaryKey({ columns: [t.consumer, t.eventId] }),
    index('parked_events_due').on(t.consumer, t.nextAttemptAt),
    index('parked_events_key').on(t.consumer, t.recordKey),
    index('parked_events_correlation_id').on(t.correlationId),
  ],
)
