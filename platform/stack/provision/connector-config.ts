import { CDC_USER, type CdcSource, type Login, type StackEndpoints, schemaHistoryTopic } from './topology'

/**
 * How often a connector commits its binlog position while its outboxes are quiet. A connector reads the whole
 * server's binlog but only emits records for the outboxes it captures, and Connect commits an offset only with a
 * record: without heartbeats a quiet connector's position would stay where its last event was until the binlog file
 * it names expires (binlog_expire_logs_seconds=86400 in conf/my.cnf). One tiny record per 10 s per connector.
 */
export const HEARTBEAT_INTERVAL_MS = 10_000

/** How often the binlog client checks its connection to MariaDB and reconnects when it is gone. */
export const KEEP_ALIVE_INTERVAL_MS = 2_000

/**
 * Records per batch Debezium hands to Connect. Debezium 3.5's ChangeEventQueue.poll() returns as soon as a batch is
 * full and otherwise waits up to poll.interval.ms: with 1 a lone event leaves at once, whatever the poll interval.
 */
export const TUNED_MAX_BATCH_SIZE = 1

/** With batches of one the poll interval only paces the idle loop: a long one makes waiting nearly free. */
export const TUNED_POLL_INTERVAL_MS = 1000

/** Debezium's defaults (max.batch.size 2048, poll.interval.ms 500); the benchmark measures them for comparison. */
export const DEBEZIUM_DEFAULTS = { maxBatchSize: 2048, pollIntervalMs: 500 } as const

/** The knobs the benchmark varies; the stack runs the TUNED_* values. */
export interface CdcTuning {
  pollIntervalMs?: number
  maxBatchSize?: number
  heartbeatIntervalMs?: number
}

/**
 * A MariaDB source connector reading the `outbox` table of each of `source`'s databases through the outbox
 * EventRouter: key = aggregate_id, value = payload (the CloudEvent JSON), topic = commerce.<aggregate_type>.events
 * (SPEC §2). Debezium logs in as `cdc` (the dev login unless provisioning read another from its environment).
 */
export function outboxConnectorConfig(
  source: CdcSource,
  endpoints: StackEndpoints,
  options: CdcTuning & { login?: Login } = {},
): Record<string, string> {
  const {
    login: cdc = CDC_USER,
    pollIntervalMs = TUNED_POLL_INTERVAL_MS,
    maxBatchSize = TUNED_MAX_BATCH_SIZE,
    heartbeatIntervalMs = HEARTBEAT_INTERVAL_MS,
  } = options
  return {
    'connector.class': 'io.debezium.connector.mariadb.MariaDbConnector',
    'tasks.max': '1',
    'database.hostname': endpoints.mariadbHost,
    'database.port': String(endpoints.mariadbPort),
    'database.user': cdc.user,
    'database.password': cdc.password,
    'database.server.id': String(source.serverId),
    'topic.prefix': source.topicPrefix,
    'database.include.list': source.databases.map((db) => db.database).join(','),
    'table.include.list': source.databases.map((db) => `${db.database}.outbox`).join(','),
    'include.schema.changes': 'false',
    'tombstones.on.delete': 'false',
    // An outbox row is news until it is published, whenever it was written. `when_needed` snapshots the outbox tables
    // whenever the connector has no offsets (first registration, offsets lost) or its binlog position is gone
    // (expired), then streams: every row still in the table is published. `no_data` silently skipped rows committed
    // while no connector was reading; `initial` would refuse to start after binlog expiry. The EventRouter routes a
    // snapshot record (op `r`) like an insert, so a re-snapshot publishes duplicates, which consumers dedupe by event
    // id. Rows pruned from the outbox before they were read are beyond any snapshot (see pruneOutbox).
    'snapshot.mode': 'when_needed',
    'snapshot.locking.mode': 'none',
    'schema.history.internal.kafka.bootstrap.servers': endpoints.kafkaBrokers,
    'schema.history.internal.kafka.topic': schemaHistoryTopic(source),
    'schema.history.internal.store.only.captured.tables.ddl': 'true',
    // Latency: Debezium hands a batch to Connect when it is full or poll.interval.ms has passed (TUNED_* above).
    'poll.interval.ms': String(pollIntervalMs),
    'max.batch.size': String(maxBatchSize),
    // Must exceed max.batch.size (Debezium refuses the config otherwise); bounds what the binlog reader runs ahead.
    'max.queue.size': String(Math.max(2048, maxBatchSize * 4)),
    // Heartbeat records go to heartbeatTopic(source): the EventRouter passes records that are no change event
    // through unrouted, so a heartbeat never reaches commerce.* topics.
    'heartbeat.interval.ms': String(heartbeatIntervalMs),
    // After a MariaDB restart the binlog client finds its connection gone only at its keep-alive check, every 60 s by
    // default: CDC, and with it every saga, stood still for up to a minute (found by e2e/chaos/mariadb.test.ts). A check
    // every 2 s costs nothing while connected.
    'connect.keep.alive.interval.ms': String(KEEP_ALIVE_INTERVAL_MS),
    'producer.override.linger.ms': '0',
    'producer.override.acks': 'all',
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    transforms: 'outbox',
    'transforms.outbox.type': 'io.debezium.transforms.outbox.EventRouter',
    'transforms.outbox.table.field.event.id': 'id',
    'transforms.outbox.table.field.event.key': 'aggregate_id',
    'transforms.outbox.table.field.event.payload': 'payload',
    'transforms.outbox.table.field.event.timestamp': 'created_at',
    'transforms.outbox.route.by.field': 'aggregate_type',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Debezium placeholder, filled by the EventRouter
    'transforms.outbox.route.topic.replacement': 'commerce.${routedByValue}.events',
    'transforms.outbox.table.fields.additional.placement': 'type:header:ce_type',
    // An UPDATE of an outbox row is a bug: fail loudly rather than publish it twice.
    'transforms.outbox.table.op.invalid.behavior': 'error',
  }
}
