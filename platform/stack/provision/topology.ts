import { randomBytes } from 'node:crypto'
import type { TopicCreation } from '../../src/kafka/client'
import { stackUrls } from '../defaults'

/** What the stack provisions: one MariaDB database and user per service, one topic per aggregate. */
export interface ServiceDatabase {
  service: string
  database: string
  /** The server id of this database's own connector in the per-database layout (databaseSource). */
  serverId: number
  /**
   * Drizzle migrations folder, relative to the repo root. Applied at provisioning so every outbox table exists before
   * the connector first reads the binlog, and again by runService at start (idempotent; what a deployment relies on).
   */
  migrations: string
  /** Only tests use it (the walking skeleton's lab): no deployment runs a service on it. */
  testOnly?: boolean
}

const service = (name: string, serverId: number): ServiceDatabase => ({
  service: name,
  database: `commerce_${name}`,
  serverId,
  migrations: `services/${name}/migrations`,
})

export const serviceDatabases: readonly ServiceDatabase[] = [
  service('auth', 5401),
  service('user', 5402),
  service('catalog', 5403),
  service('inventory', 5404),
  service('order', 5405),
  service('payment', 5406),
  // The walking skeleton: platform's integration tests and the CDC benchmark run the real pipe through it.
  {
    service: 'lab',
    database: 'commerce_lab',
    serverId: 5499,
    migrations: 'platform/test/lab/migrations',
    testOnly: true,
  },
]

/**
 * One Debezium connector: the databases whose `outbox` tables it captures, the replication server id it joins the
 * binlog as (unique per connector), and the topic prefix that names its offsets' partition and its heartbeat topic.
 */
export interface CdcSource {
  name: string
  serverId: number
  topicPrefix: string
  databases: readonly ServiceDatabase[]
}

/** The per-database layout: one connector reading the server's binlog for one database's outbox only. */
export const databaseSource = (db: ServiceDatabase): CdcSource => ({
  name: `outbox-${db.database}`,
  serverId: db.serverId,
  topicPrefix: `cdc.${db.database}`,
  databases: [db],
})

/**
 * The per-server layout: one connector for the whole MariaDB server, capturing every service's outbox; the
 * EventRouter routes each row by its aggregate type, so the topics are the same as with one connector per database.
 */
export const serverSource = (databases: readonly ServiceDatabase[] = serviceDatabases): CdcSource => ({
  name: 'outbox-mariadb',
  serverId: 5400,
  topicPrefix: 'cdc.mariadb',
  databases,
})

/** The connectors the stack runs (the choice and its numbers: platform/stack/README.md, "CDC layout"). */
export const cdcSources: readonly CdcSource[] = [serverSource()]

/** Connectors of earlier layouts: provisioning deletes them, so no two connectors publish the same outbox. */
export const retiredConnectorNames = (): string[] => {
  const current = new Set(cdcSources.map((s) => s.name))
  const all = [serverSource(), ...serviceDatabases.map(databaseSource)]
  return all.map((s) => s.name).filter((name) => !current.has(name))
}

/**
 * Where the connector's heartbeats go: Debezium 3.5 names it `<topic.heartbeat.prefix>.<topic.prefix>`
 * (AbstractTopicNamingStrategy.heartbeatTopic, default prefix `__debezium-heartbeat`). Auto-creation is off on our
 * broker, so provisioning creates it.
 */
export const heartbeatTopic = (source: CdcSource) => `__debezium-heartbeat.${source.topicPrefix}`

/** The connector's schema history (DDL of captured tables); Debezium creates this topic itself. */
export const schemaHistoryTopic = (source: CdcSource) => `_schemahistory.${source.topicPrefix}`

/** Partitions per aggregate topic: events of one aggregate share a key, hence a partition, hence an order. */
export const EVENT_TOPIC_PARTITIONS = 3

/**
 * How provisioning creates topics: the broker's defaults (one broker locally), or — in a deployment that sets
 * TOPIC_REPLICATION_FACTOR and TOPIC_MIN_INSYNC_REPLICAS (the prod overlay: 3 and 2) — explicit replication and
 * min in-sync replicas, so an acks=all write survives one broker lost and refuses when two are. Existing topics are
 * left as they are.
 */
export function topicSettingsFromEnv(env: Record<string, string | undefined>): TopicCreation {
  const count = (key: string) => {
    const raw = env[key]
    if (raw === undefined || raw === '') return undefined
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 1) throw new Error(`${key}: expected a positive integer, got '${raw}'`)
    return value
  }
  const replicationFactor = count('TOPIC_REPLICATION_FACTOR')
  const minInSync = count('TOPIC_MIN_INSYNC_REPLICAS')
  if (minInSync !== undefined && replicationFactor !== undefined && minInSync > replicationFactor)
    throw new Error(`TOPIC_MIN_INSYNC_REPLICAS (${minInSync}) exceeds TOPIC_REPLICATION_FACTOR (${replicationFactor})`)
  return {
    ...(replicationFactor === undefined ? {} : { replicationFactor }),
    ...(minInSync === undefined ? {} : { configs: { 'min.insync.replicas': String(minInSync) } }),
  }
}

/**
 * Every topic the platform uses: `commerce.<aggregate>.events`, its `.dlq`, and each connector's heartbeat topic.
 * Auto-creation is off.
 */
export function topicsToCreate(): { topic: string; partitions: number }[] {
  const eventTopics = (aggregate: string) => [
    { topic: `commerce.${aggregate}.events`, partitions: EVENT_TOPIC_PARTITIONS },
    { topic: `commerce.${aggregate}.events.dlq`, partitions: 1 },
  ]
  return [
    ...serviceDatabases.flatMap((db) => eventTopics(db.service)),
    // The sample service (platform/test/lab) writes to commerce_lab under its own aggregate, so the walking
    // skeleton's tests and the sample's consumer never read each other's records.
    ...eventTopics('sample'),
    ...cdcSources.map((source) => ({ topic: heartbeatTopic(source), partitions: 1 })),
  ]
}

export interface StackEndpoints {
  mariadbHost: string
  mariadbPort: number
  kafkaBrokers: string
  connectUrl: string
}

/** Endpoints from the environment the stack script exports, else the local stack's (platform/stack/defaults.env). */
export function endpointsFromEnv(env: Record<string, string | undefined>): StackEndpoints {
  const urls = stackUrls(env)
  const admin = new URL(urls.mariadbAdminUrl)
  return {
    mariadbHost: admin.hostname,
    mariadbPort: Number(admin.port || 3306),
    kafkaBrokers: urls.kafkaBrokers,
    connectUrl: urls.connectUrl,
  }
}

export interface Login {
  user: string
  password: string
}

/** Local-only credentials: each service gets its own user limited to its own database. */
export const serviceUser = (db: ServiceDatabase): Login => ({ user: db.service, password: `${db.service}-dev` })
export const CDC_USER: Login = { user: 'cdc', password: 'cdc-dev' }
/** The Prometheus MySQL exporter's user (read-only server status); conf/mysqld-exporter.cnf holds the same pair. */
export const METRICS_USER: Login = { user: 'exporter', password: 'exporter-dev' }

/** The database logins provisioning creates: each service's, Debezium's and the MySQL exporter's. */
export interface DatabaseLogins {
  service: (db: ServiceDatabase) => Login
  cdc: Login
  metrics: Login
}

/** The local stack's logins (dev passwords, never used outside a developer's machine or a throwaway cluster). */
export const DEV_LOGINS: DatabaseLogins = { service: serviceUser, cdc: CDC_USER, metrics: METRICS_USER }

/** The env key holding a login's password: `AUTH_MARIADB_PASSWORD`, …, `CDC_MARIADB_PASSWORD`, `EXPORTER_MARIADB_PASSWORD`. */
export const passwordKey = (user: string) => `${user.toUpperCase()}_MARIADB_PASSWORD`

/** The env keys a deployment's provision Secret must hold: every login a deployed piece connects with. */
export const requiredPasswordKeys = () =>
  [...serviceDatabases.filter((db) => !db.testOnly).map(serviceUser), CDC_USER, METRICS_USER].map((login) =>
    passwordKey(login.user),
  )

/**
 * The logins from the environment (a deployment's provision Secret), each falling back to its dev password — unless
 * PROVISION_REQUIRE_PASSWORDS=true (the prod overlay), where a missing one stops provisioning instead of creating a
 * production user with a published password, and a test-only database's login gets a random one nobody knows.
 */
export function loginsFromEnv(env: Record<string, string | undefined>): DatabaseLogins {
  const required = env['PROVISION_REQUIRE_PASSWORDS'] === 'true'
  const missing = requiredPasswordKeys().filter((key) => !env[key])
  if (required && missing.length > 0)
    throw new Error(`PROVISION_REQUIRE_PASSWORDS=true but the environment lacks ${missing.join(', ')}`)
  const fallback = (login: Login) => (required ? randomBytes(24).toString('base64url') : login.password)
  const fromEnv = (login: Login): Login => ({
    user: login.user,
    password: env[passwordKey(login.user)] || fallback(login),
  })
  // Decided once per login: provisioning creates the user, then connects as it to migrate (a random password too).
  const services = new Map(serviceDatabases.map((db) => [db.service, fromEnv(serviceUser(db))]))
  return {
    service: (db) => services.get(db.service) ?? fromEnv(serviceUser(db)),
    cdc: fromEnv(CDC_USER),
    metrics: fromEnv(METRICS_USER),
  }
}

export function serviceDbUrl(db: ServiceDatabase, endpoints: StackEndpoints, login = serviceUser(db)): string {
  const [user, password] = [login.user, login.password].map(encodeURIComponent)
  return `mysql://${user}:${password}@${endpoints.mariadbHost}:${endpoints.mariadbPort}/${db.database}`
}
