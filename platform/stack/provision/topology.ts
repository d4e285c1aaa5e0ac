import { stackUrls } from '../defaults'

/** What the stack provisions: one MariaDB database, user and Debezium connector per service, one topic per aggregate. */
export interface ServiceDatabase {
  service: string
  database: string
  /** Unique per connector: Debezium joins the replication topology as this server id. */
  serverId: number
  /** Drizzle migrations folder, relative to the repo root, applied at provisioning. */
  migrations: string
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
  { service: 'lab', database: 'commerce_lab', serverId: 5499, migrations: 'platform/test/lab/migrations' },
]

/** Debezium's topic prefix for a database: names its heartbeat topic and its offsets' partition. */
export const topicPrefix = (db: ServiceDatabase) => `cdc.${db.database}`

/**
 * Where the connector's heartbeats go: Debezium 3.5 names it `<topic.heartbeat.prefix>.<topic.prefix>`
 * (AbstractTopicNamingStrategy.heartbeatTopic, default prefix `__debezium-heartbeat`). Auto-creation is off on our
 * broker, so provisioning creates it.
 */
export const heartbeatTopic = (db: ServiceDatabase) => `__debezium-heartbeat.${topicPrefix(db)}`

/** Partitions per aggregate topic: events of one aggregate share a key, hence a partition, hence an order. */
export const EVENT_TOPIC_PARTITIONS = 3

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
    ...serviceDatabases.flatMap((db) => [...eventTopics(db.service), { topic: heartbeatTopic(db), partitions: 1 }]),
    // The sample service (platform/test/lab) writes to commerce_lab under its own aggregate, so the walking
    // skeleton's tests and the sample's consumer never read each other's records.
    ...eventTopics('sample'),
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

/** Local-only credentials: each service gets its own user limited to its own database. */
export const serviceUser = (db: ServiceDatabase) => ({ user: db.service, password: `${db.service}-dev` })
export const CDC_USER = { user: 'cdc', password: 'cdc-dev' }

export function serviceDbUrl(db: ServiceDatabase, endpoints: StackEndpoints): string {
  const { user, password } = serviceUser(db)
  return `mysql://${user}:${password}@${endpoints.mariadbHost}:${endpoints.mariadbPort}/${db.database}`
}
