// Prints the stack's environment (dotenv lines): shared endpoints and one MariaDB URL per service database.
import { endpointsFromEnv, serviceDatabases, serviceDbUrl } from './topology'

const endpoints = endpointsFromEnv(process.env)
const lines = [
  `MARIADB_ADMIN_URL=${process.env['MARIADB_ADMIN_URL']}`,
  `REDIS_URL=${process.env['REDIS_URL']}`,
  `KAFKA_BROKERS=${endpoints.kafkaBrokers}`,
  `CONNECT_URL=${endpoints.connectUrl}`,
  ...serviceDatabases.map((db) => `${db.service.toUpperCase()}_MARIADB_URL=${serviceDbUrl(db, endpoints)}`),
]
process.stdout.write(`${lines.join('\n')}\n`)
