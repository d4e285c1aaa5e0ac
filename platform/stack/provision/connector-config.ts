import { CDC_USER, type ServiceDatabase, type StackEndpoints } from './topology'

export const connectorName = (db: ServiceDatabase) => `outbox-${db.database}`

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
  tuning: { pollIntervalMs: number } = { pollIntervalMs: TUNED_POLL_INTERVAL_MS },
): Record<string, string> {
  return {
    'connector.class': 'io.debezium.connector.mariadb.MariaDbConnector',
    'tasks.max': '1',
    'database.hostname': endpoints.mariadbHost,
    'database.port': String(endpoints.mariadbPort),
    'database.user': CDC_USER.user,
    'database.password': CDC_USER.password,
    'database.server.id': String(db.serverId),
    'topic.prefix': `cdc.${db.database}`,
    'database.include.list': db.database,
    'table.include.list': `${db.database}.outbox`,
    'include.schema.changes': 'false',
    'tombstones.on.delete': 'false',
    // Rows written before the connector first started are history, not news: do not snapshot them.
    'snapshot.mode': 'no_data',
    'snapshot.locking.mode': 'none',
    'schema.history.internal.kafka.bootstrap.servers': endpoints.kafkaBrokers,
    'schema.history.internal.kafka.topic': `_schemahistory.${db.database}`,
    'schema.history.internal.store.only.captured.tables.ddl': 'true',
    // Latency: Debezium hands a batch to Connect when it is full or poll.interval.ms (default 500) has passed.
    'poll.interval.ms': String(tuning.pollIntervalMs),
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
