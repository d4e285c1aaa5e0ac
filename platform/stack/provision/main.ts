// Provisions the running stack: checks the binlog, creates databases and users, applies migrations, creates topics,
// registers the Debezium connectors (topology.ts: cdcSources), removes those of earlier layouts and waits until each
// runs. Safe to run again.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { drizzle } from 'drizzle-orm/mysql2'
import { migrate } from 'drizzle-orm/mysql2/migrator'
import { createConnection } from 'mysql2/promise'
import { createKafka, ensureTopics } from '../../src/kafka/client'
import { stackUrls } from '../defaults'
import { assertRowBinlog } from './binlog'
import { deleteConnector, putConnector, waitUntilRunning } from './connect-client'
import { outboxConnectorConfig } from './connector-config'
import { createDatabasesAndUsers } from './databases'
import {
  cdcSources,
  endpointsFromEnv,
  loginsFromEnv,
  retiredConnectorNames,
  serviceDatabases,
  serviceDbUrl,
  topicSettingsFromEnv,
  topicsToCreate,
} from './topology'

const root = join(import.meta.dir, '../../..')
const adminUrl = stackUrls(process.env).mariadbAdminUrl
const endpoints = endpointsFromEnv(process.env)
// Dev passwords on a developer's machine; a deployment's provision Secret supplies its own (k8s/overlays/prod).
const logins = loginsFromEnv(process.env)
const topicSettings = topicSettingsFromEnv(process.env)
const step = (what: string) => process.stderr.write(`[provision] ${what}\n`)

const admin = await createConnection({ uri: adminUrl, multipleStatements: false })
try {
  await assertRowBinlog(admin, adminUrl.replace(/\/\/[^@]*@/, '//'))
  step('databases and users')
  await createDatabasesAndUsers(admin, serviceDatabases, logins)
} finally {
  await admin.end()
}

for (const db of serviceDatabases) {
  const folder = join(root, db.migrations)
  if (!existsSync(join(folder, 'meta/_journal.json'))) continue
  step(`migrations for ${db.database}`)
  const connection = await createConnection({ uri: serviceDbUrl(db, endpoints, logins.service(db)) })
  try {
    await migrate(drizzle({ client: connection }), { migrationsFolder: folder })
  } finally {
    await connection.end()
  }
}

step('topics')
await ensureTopics(
  createKafka({ brokers: endpoints.kafkaBrokers, clientId: 'provision' }),
  topicsToCreate(),
  topicSettings,
)

step('Debezium connectors')
// Earlier layouts' connectors go first, so no two connectors publish one outbox. A new connector has no offsets and
// snapshots (snapshot.mode=when_needed): rows still in the outboxes are published once more, consumers dedupe them.
for (const name of retiredConnectorNames()) await deleteConnector(endpoints.connectUrl, name)
for (const source of cdcSources) {
  await putConnector(endpoints.connectUrl, source.name, outboxConnectorConfig(source, endpoints, { login: logins.cdc }))
}
await Promise.all(cdcSources.map((source) => waitUntilRunning(endpoints.connectUrl, source.name, 120_000)))
step('done')
