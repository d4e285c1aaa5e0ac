import { Kafka, type LogEntry, logLevel } from 'kafkajs'
import type { Logger } from '../log/index'

export type { Admin, Consumer, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs'

const levelNames: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
}

/** The one place that knows which Kafka client the platform uses (KafkaJS today); logs go to our JSON logger. */
export function createKafka(options: { brokers: string | string[]; clientId: string; logger?: Logger }): Kafka {
  const brokers =
    typeof options.brokers === 'string' ? options.brokers.split(',').map((b) => b.trim()) : options.brokers
  const logger = options.logger
  return new Kafka({
    clientId: options.clientId,
    brokers,
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      if (!logger) return
      const { message, ...fields } = entry.log
      logger[levelNames[entry.level] ?? 'info'](message, { component: `kafkajs.${entry.namespace}`, ...fields })
    },
  })
}

/** Creates the topics that do not exist yet; auto-creation is off on every broker we run. */
export async function ensureTopics(kafka: Kafka, topics: { topic: string; partitions: number }[]): Promise<void> {
  const admin = kafka.admin()
  await admin.connect()
  try {
    const existing = new Set(await admin.listTopics())
    const missing = topics.filter((t) => !existing.has(t.topic))
    if (missing.length === 0) return
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions, replicationFactor: -1 })),
    })
  } finally {
    await admin.disconnect()
  }
}

/** Readiness probe: the broker answers a metadata request. Reuses one connected admin client across probes. */
export function kafkaCheck(kafka: Kafka): () => Promise<void> {
  const admin = kafka.admin()
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
