// Provisions the running stack: checks the binlog, creates databases and users, applies migrations, creates topics,
// registers one Debezium connector per database and waits until each runs. Safe to run again.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { drizzle } from 'drizzle-orm/mysql2'
import { migrate } from 'drizzle-orm/mysql2/migrator'
import { createConnection } from 'mysql2/promise'
import { createKafka, ensureTopics } from '../../src/kafka/client'
import { stackUrls } from '../defaults'
import { assertRowBinlog } from './binlog'
import { putConnector, waitUntilRunning } from './connect-client'
import { connectorName, outboxConnectorConfig } from './connector-config'
import { createDatabasesAndUsers } from './databases'
import { endpointsFromEnv, serviceDatabases, serviceDbUrl, topicsToCreate } from './topology'

const root = join(import.meta.dir, '../../..')
const adminUrl = stackUrls(process.env).mariadbAdminUrl
const endpoints = endpointsFromEnv(process.env)
const step = (what: string) => process.stderr.write(`[provision] ${what}\n`)

const admin = await createConnection({ uri: adminUrl, multipleStatements: false })
try {
  await assertRowBinlog(admin, adminUrl.replace(/\/\/[^@]*@/, '//'))
  step('databases and users')
  await createDatabasesAndUsers(admin, serviceDatabases)
} finally {
  await admin.end()
}

for (const db of serviceDatabases) {
  const folder = join(root, db.migrations)
  if (!existsSync(join(folder, 'meta/_journal.json'))) continue
  step(`migrations for ${db.database}`)
  const connection = await createConnection({ uri: serviceDbUrl(db, endpoints) })
  try {
    await migrate(drizzle({ client: connection }), { migrationsFolder: folder })
  } finally {
    await connection.end()
  }
}

step('topics')
await ensureTopics(createKafka({ brokers: endpoints.kafkaBrokers, clientId: 'provision' }), topicsToCreate())

step('Debezium connectors')
for (const db of serviceDatabases) {
  await putConnector(endpoints.connectUrl, connectorName(db), outboxConnectorConfig(db, endpoints))
}
await Promise.all(serviceDatabases.map((db) => waitUntilRunning(endpoints.connectUrl, connectorName(db))))
step('done')
