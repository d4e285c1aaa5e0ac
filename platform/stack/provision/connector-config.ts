import { CDC_USER, type ServiceDatabase, type StackEndpoints, topicPrefix } from './topology'

export const connectorName = (db: ServiceDatabase) => `outbox-${db.database}`

/**
 * How often a connector commits its binlog position while its outbox is quiet. A connector reads the whole server's
 * binlog but only emits records for its own outbox, and Connect commits an offset only with a record: without
 * heartbeats a quiet service's position would stay where its last event was until the binlog file it names expires
 * (binlog_expire_logs_seconds=86400 in conf/my.cnf). One tiny record per 10 s per connector is the cost.
 */
export const HEARTBEAT_INTERVAL_MS = 10_000

/** The stack's poll interval: a lone event waits at most this long in Debezium's queue. */
export const TUNED_POLL_INTERVAL_MS = 20

/** Debezium's default poll interval; the benchmark measures it once for comparison. */
export const DEBEZIUM_DEFAULT_POLL_INTERVAL_MS = 500

/**
 * One MariaDB source connector per service database, reading only its `outbox` table through the outbox EventRouter:
 * key = aggregate_id, value = payload (the CloudEvent JSON), topic = commerce.<aggregate_type>.events (SPEC §2).
 */
export function outboxConnectorConfig(
  db: ServiceDatabase,
  endpoints: StackEndpoints,
  tuning: { pollIntervalMs?: number; heartbeatIntervalMs?: number } = {},
): Record<string, string> {
  const { pollIntervalMs = TUNED_POLL_INTERVAL_MS, heartbeatIntervalMs = HEARTBEAT_INTERVAL_MS } = tuning
  return {
    'connector.class': 'io.debezium.connector.mariadb.MariaDbConnector',
    'tasks.max': '1',
    'database.hostname': endpoints.mariadbHost,
    'database.port': String(endpoints.mariadbPort),
    'database.user': CDC_USER.user,
    'database.password': CDC_USER.password,
    'database.server.id': String(db.serverId),
    'topic.prefix': topicPrefix(db),
    'database.include.list': db.database,
    'table.include.list': `${db.database}.outbox`,
    'include.schema.changes': 'false',
    'tombstones.on.delete': 'false',
    // An outbox row is news until it is published, whenever it was written. `when_needed` snapshots the outbox table
    // whenever the connector has no offsets (first registration, offsets lost) or its binlog position is gone
    // (expired), then streams: every row still in the table is published. `no_data` silently skipped rows committed
    // while no connector was reading; `initial` would refuse to start after binlog expiry. The EventRouter routes a
    // snapshot record (op `r`) like an insert, so a re-snapshot publishes duplicates, which consumers dedupe by event
    // id. Rows pruned from the outbox before they were read are beyond any snapshot (see pruneOutbox).
    'snapshot.mode': 'when_needed',
    'snapshot.locking.mode': 'none',
    'schema.history.internal.kafka.bootstrap.servers': endpoints.kafkaBrokers,
    'schema.history.internal.kafka.topic': `_schemahistory.${db.database}`,
    'schema.history.internal.store.only.captured.tables.ddl': 'true',
    // Latency: Debezium hands a batch to Connect when it is full or poll.interval.ms (default 500) has passed.
    'poll.interval.ms': String(pollIntervalMs),
    // Heartbeat records go to heartbeatTopic(db): the EventRouter passes records that are no change event through
    // unrouted, so a heartbeat never reaches commerce.* topics.
    'heartbeat.interval.ms': String(heartbeatIntervalMs),
    'max.batch.size': '512',
    'max.queue.size': '2048',
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
