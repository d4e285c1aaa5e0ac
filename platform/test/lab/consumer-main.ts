// The skeleton's consumer as its own process: the integration tests start it to prove the pipe crosses processes.

import { Type } from '@sinclair/typebox'
import { loadConfig } from '../../src/config'
import { KafkaEnv } from '../../src/config/fragments'
import { createDb } from '../../src/db'
import { createKafka, defaultRetryPolicy, startConsumer } from '../../src/kafka'
import { createLogger } from '../../src/log'
import { onNoteCreated } from './handlers'

const config = loadConfig({
  ...KafkaEnv,
  LAB_MARIADB_URL: Type.String(),
  LAB_GROUP_ID: Type.String(),
  // Short, so a test that kills this process gets its partitions back to the successor quickly.
  LAB_SESSION_TIMEOUT_MS: Type.Integer({ default: 6000 }),
  // A test that spends the retry budget on purpose makes it small.
  LAB_RETRY_MAX_ATTEMPTS: Type.Integer({ minimum: 1, default: defaultRetryPolicy.maxAttempts }),
  LAB_RETRY_INITIAL_MS: Type.Integer({ minimum: 1, default: defaultRetryPolicy.initialMs }),
  LAB_LOCK_WAIT_TIMEOUT_S: Type.Optional(Type.Integer({ minimum: 1 })),
})
const logger = createLogger({ service: 'lab-consumer', group: config.LAB_GROUP_ID })
const { db, close } = createDb({ url: config.LAB_MARIADB_URL, poolSize: 4 })
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'lab-consumer', logger })
const lockWait = config.LAB_LOCK_WAIT_TIMEOUT_S
const consumer = await startConsumer({
  kafka,
  groupId: config.LAB_GROUP_ID,
  topics: ['commerce.lab.events'],
  handlers: [onNoteCreated(config.LAB_GROUP_ID, lockWait === undefined ? {} : { lockWaitTimeoutS: lockWait })],
  db,
  logger,
  retry: { ...defaultRetryPolicy, maxAttempts: config.LAB_RETRY_MAX_ATTEMPTS, initialMs: config.LAB_RETRY_INITIAL_MS },
  // The consumer already left the group; exit non-zero so the orchestrator restarts the process.
  onFatal: () => {
    void close().finally(() => process.exit(1))
  },
  sessionTimeoutMs: config.LAB_SESSION_TIMEOUT_MS,
})
logger.info('lab consumer running')

const shutdown = async () => {
  await consumer.stop()
  await close()
  process.exit(0)
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
