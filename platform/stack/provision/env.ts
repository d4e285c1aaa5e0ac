// Prints the stack's environment (dotenv lines): the local stack's URLs for the ports bin/stack passes in
// (defaults.env unless overridden) and one MariaDB URL per service database.
import { localStackUrls } from '../defaults'
import { endpointsFromEnv, serviceDatabases, serviceDbUrl } from './topology'

const urls = localStackUrls(process.env)
const endpoints = endpointsFromEnv({
  MARIADB_ADMIN_URL: urls.mariadbAdminUrl,
  KAFKA_BROKERS: urls.kafkaBrokers,
  CONNECT_URL: urls.connectUrl,
})
const lines = [
  `MARIADB_ADMIN_URL=${urls.mariadbAdminUrl}`,
  `REDIS_URL=${urls.redisUrl}`,
  `KAFKA_BROKERS=${urls.kafkaBrokers}`,
  `CONNECT_URL=${urls.connectUrl}`,
  ...serviceDatabases.map((db) => `${db.service.toUpperCase()}_MARIADB_URL=${serviceDbUrl(db, endpoints)}`),
]
process.stdout.write(`${lines.join('\n')}\n`)
