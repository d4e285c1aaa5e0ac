import { createConnection } from 'mysql2/promise'
import { createKafka, deleteTopics, ensureTopics } from '../../src/kafka'
import { eventually, freshName, testEnv } from '../../src/testing'
import {
  connectorStatus,
  deleteConnector,
  deleteOffsets,
  putConnector,
  stopConnector,
  waitUntilRunning,
} from '../../stack/provision/connect-client'
import { type CdcTuning, outboxConnectorConfig } from '../../stack/provision/connector-config'
import {
  databaseSource,
  endpointsFromEnv,
  heartbeatTopic,
  type ServiceDatabase,
  schemaHistoryTopic,
} from '../../stack/provision/topology'

// The outbox every service has (platform/src/db/tables.ts), and a table the connector does not capture.
const ddl = [
  `CREATE TABLE outbox (id char(36) NOT NULL PRIMARY KEY, aggregate_type varchar(64) NOT NULL,
    aggregate_id varchar(255) NOT NULL, type varchar(255) NOT NULL, payload longtext NOT NULL,
    created_at datetime(6) NOT NULL)`,
  'CREATE TABLE uncaptured (id bigint unsigned AUTO_INCREMENT PRIMARY KEY, note varchar(100) NOT NULL)',
]

/** An outbox row routed to commerce.lab.events with a type no lab consumer handles (they skip it). */
function probeRow(database: string) {
  const id = Bun.randomUUIDv7()
  const now = new Date()
  const event = {
    specversion: '1.0',
    id,
    source: `/test/${database}`,
    type: 'lab.cdc.probe',
    subject: `probe/${id}`,
    time: now.toISOString(),
    datacontenttype: 'application/json',
    dataschema: 'urn:commerce:schema:lab.cdc.probe:v1',
    correlationid: id,
    causationid: id,
    data: {},
  }
  return [id, 'lab', database, event.type, JSON.stringify(event), now] as const
}

/**
 * A throwaway database with an outbox table and its own Debezium connector (fresh name and server id), so a test
 * can lose the connector's offsets without touching the services' connectors. Disposing removes all of it.
 */
export async function cdcScratch() {
  const env = testEnv()
  const endpoints = endpointsFromEnv({
    MARIADB_ADMIN_URL: env.mariadbAdminUrl,
    KAFKA_BROKERS: env.kafkaBrokers,
    CONNECT_URL: env.connectUrl,
  })
  const database = `commerce_cdctest_${crypto.randomUUID().slice(0, 8)}`
  const db: ServiceDatabase = {
    service: 'cdctest',
    database,
    serverId: 100_000 + Math.floor(Math.random() * 1_000_000_000),
    migrations: '',
  }
  const source = databaseSource(db)
  const name = source.name
  const admin = await createConnection({ uri: env.mariadbAdminUrl })
  await admin.query(`CREATE DATABASE \`${database}\``)
  for (const statement of ddl)
    await admin.query(`${statement.replace('CREATE TABLE ', `CREATE TABLE \`${database}\`.`)}`)
  const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: freshName('cdc-scratch') })
  const topics = [heartbeatTopic(source), schemaHistoryTopic(source)]
  await ensureTopics(kafka, [{ topic: heartbeatTopic(source), partitions: 1 }])

  const writeOutbox = async (count: number): Promise<string[]> => {
    const rows = Array.from({ length: count }, () => probeRow(database))
    await admin.query(`INSERT INTO \`${database}\`.outbox VALUES ?`, [rows])
    return rows.map(([id]) => id)
  }
  const register = async (tuning: CdcTuning = {}) => {
    await putConnector(env.connectUrl, name, outboxConnectorConfig(source, endpoints, tuning))
    await waitUntilRunning(env.connectUrl, name)
  }
  /** Stops the connector and deletes its committed offsets: what a lost offsets topic looks like to it. */
  const loseOffsets = async () => {
    await stopConnector(env.connectUrl, name)
    await eventually(async () => (await connectorStatus(env.connectUrl, name))?.connector.state === 'STOPPED')
    await eventually(() => deleteOffsets(env.connectUrl, name).then(() => true), { what: `offsets of ${name} deleted` })
  }
  const dispose = async () => {
    if (await connectorStatus(env.connectUrl, name)) await loseOffsets()
    await deleteConnector(env.connectUrl, name)
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``)
    await admin.end()
    await deleteTopics(kafka, topics)
  }
  return {
    db,
    source,
    name,
    kafka,
    admin,
    connectUrl: env.connectUrl,
    writeOutbox,
    register,
    loseOffsets,
    [Symbol.asyncDispose]: dispose,
  }
}
