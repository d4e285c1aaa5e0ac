import { ConfigResourceTypes, Kafka, type LogEntry, logLevel } from 'kafkajs'
import type { Logger } from '../log/index'

/**
 * An opaque handle on the platform's Kafka client. Callers pass it to the functions of `@commerce/platform/kafka`
 * (`startConsumer`, `produce`, `ensureTopics`, `endOffsets`…); which client library sits behind it is ours to change.
 */
export interface KafkaClient {
  readonly clientId: string
  readonly brokers: readonly string[]
}

const clients = new WeakMap<KafkaClient, Kafka>()

/** The library client behind a handle; only code under platform/src/kafka may call this. */
export function kafkaOf(handle: KafkaClient): Kafka {
  const kafka = clients.get(handle)
  if (!kafka) throw new Error('not a handle made by createKafka')
  return kafka
}

const levelNames: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
}

/** The one place that knows which Kafka client the platform uses (KafkaJS today); logs go to our JSON logger. */
export function createKafka(options: { brokers: string | string[]; clientId: string; logger?: Logger }): KafkaClient {
  const brokers =
    typeof options.brokers === 'string' ? options.brokers.split(',').map((b) => b.trim()) : options.brokers
  const logger = options.logger
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers,
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      if (!logger) return
      const { message, ...fields } = entry.log
      logger[levelNames[entry.level] ?? 'info'](message, { component: `kafkajs.${entry.namespace}`, ...fields })
    },
  })
  const handle: KafkaClient = Object.freeze({ clientId: options.clientId, brokers: Object.freeze([...brokers]) })
  clients.set(handle, kafka)
  return handle
}

/** Runs `fn` with a connected admin client, disconnecting afterwards. */
export async function withAdmin<T>(handle: KafkaClient, fn: (admin: ReturnType<Kafka['admin']>) => Promise<T>) {
  const admin = kafkaOf(handle).admin()
  await admin.connect()
  try {
    return await fn(admin)
  } finally {
    await admin.disconnect()
  }
}

/** How missing topics are created: replication factor (-1, the default: the broker's) and topic-level configs. */
export interface TopicCreation {
  replicationFactor?: number
  configs?: Record<string, string>
}

/** Creates the topics that do not exist yet; auto-creation is off on every broker we run. */
export async function ensureTopics(
  kafka: KafkaClient,
  topics: { topic: string; partitions: number }[],
  creation: TopicCreation = {},
): Promise<void> {
  const { replicationFactor = -1, configs = {} } = creation
  const configEntries = Object.entries(configs).map(([name, value]) => ({ name, value }))
  await withAdmin(kafka, async (admin) => {
    const existing = new Set(await admin.listTopics())
    const missing = topics.filter((t) => !existing.has(t.topic))
    if (missing.length === 0) return
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions, replicationFactor, configEntries })),
    })
  })
}

/** A topic's effective configuration values by name (only the names asked for), as the broker reports them. */
export async function topicConfig(kafka: KafkaClient, topic: string, names: string[]): Promise<Record<string, string>> {
  return withAdmin(kafka, async (admin) => {
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: names }],
    })
    const entries = described.resources[0]?.configEntries ?? []
    return Object.fromEntries(entries.map((entry) => [entry.configName, entry.configValue]))
  })
}

/** Deletes topics (tests that need a topic of their own remove it again). */
export async function deleteTopics(kafka: KafkaClient, topics: string[]): Promise<void> {
  await withAdmin(kafka, async (admin) => {
    const existing = new Set(await admin.listTopics())
    const present = topics.filter((t) => existing.has(t))
    if (present.length > 0) await admin.deleteTopics({ topics: present })
  })
}

/** Readiness probe: the broker answers a metadata request. Reuses one connected admin client across probes. */
export function kafkaCheck(kafka: KafkaClient): () => Promise<void> {
  const admin = kafkaOf(kafka).admin()
  let connected: Promise<void> | undefined
  return async () => {
    connected ??= admin.connect().catch((error: unknown) => {
      connected = undefined
      throw error
    })
    await connected
    await admin.describeCluster()
  }
}
