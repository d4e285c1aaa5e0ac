import type { AnyElysia } from 'elysia'
import { createDb, pingDb } from '../db/index'
import type { Db } from '../db/types'
import { maxBodyBytes } from '../http/index'
import { type JobDefinition, startJobs } from '../jobs/index'
import { createKafka, type EventHandler, type KafkaClient, kafkaCheck, startConsumer } from '../kafka/index'
import { createLogger, type Logger } from '../log/index'
import { createRedis, type RedisClient, redisCheck } from '../redis/index'
import { createLifecycle, type ShutdownStep } from './lifecycle'
import { applyMigrations } from './migrate'
import { buildApp, platformJobs, type ServiceConfig } from './service-app'

type Schema = Record<string, unknown>

/** What a service's pieces are built from: its config and the clients runService opened for it. */
export interface ServiceDeps<S extends Schema, C extends ServiceConfig> {
  config: C
  db: Db<S>
  redis: RedisClient
  kafka: KafkaClient
  logger: Logger
}

/** One consumer group of the service: the group id defaults to the service name. */
export interface ConsumerSpec {
  groupId?: string
  topics: string[]
  handlers: EventHandler[]
}

/** Everything a service is: a name, its config and schema, and how to build its routes, consumers, jobs and seed. */
export interface ServiceDefinition<S extends Schema, C extends ServiceConfig> {
  name: string
  version: string
  description?: string
  config: C
  schema: S
  /** drizzle-kit's output folder, applied at start. */
  migrationsFolder: string
  routes(deps: ServiceDeps<S, C>): AnyElysia
  consumers?(deps: ServiceDeps<S, C>): ConsumerSpec[]
  jobs?(deps: ServiceDeps<S, C>): JobDefinition[]
  /** Demo data, idempotent; runs at start before readiness turns green when `SEED_DEMO_DATA` is true. */
  seed?(deps: ServiceDeps<S, C>): Promise<void>
}

/** A started service: its URL and dependencies (for tests), and `stop()` — the same path SIGTERM takes. */
export interface RunningService<S extends Schema, C extends ServiceConfig> extends AsyncDisposable {
  url: string
  app: AnyElysia
  deps: ServiceDeps<S, C>
  stop(): Promise<void>
}

function openDeps<S extends Schema, C extends ServiceConfig>(definition: ServiceDefinition<S, C>) {
  const { config } = definition
  const logger = createLogger({ service: definition.name }, config.LOG_LEVEL)
  const handle = createDb({ url: config.MARIADB_URL, poolSize: config.MARIADB_POOL_SIZE, schema: definition.schema })
  const redis = createRedis(config.REDIS_URL)
  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID ?? definition.name,
    logger,
  })
  const deps: ServiceDeps<S, C> = { config, db: handle.db, redis, kafka, logger }
  return { deps, pool: handle.pool, closeDb: handle.close }
}

/**
 * Starts a service the one way every service starts (STYLE §0): config → migrations → DB, Redis, Kafka → seed →
 * consumers and leased jobs (the platform's prune jobs included) → HTTP on `PORT`. `/health/ready` is green only while DB, Redis, the broker and every
 * consumer are up and no shutdown began. SIGTERM/SIGINT (or `stop()`) shut down gracefully: readiness red, drain,
 * stop accepting and finish in-flight requests, stop consumers (the record in hand commits) and jobs, close pools.
 * A consumer that stops for good shuts the process down with exit code 1.
 */
export async function runService<S extends Schema, C extends ServiceConfig>(
  definition: ServiceDefinition<S, C>,
  options: { exitOnStop?: boolean } = {},
): Promise<RunningService<S, C>> {
  const { config } = definition
  await applyMigrations({
    url: config.MARIADB_URL,
    migrationsFolder: definition.migrationsFolder,
    lockName: `migrate:${definition.name}`,
  })
  const { deps, pool, closeDb } = openDeps(definition)
  const exitOnStop = options.exitOnStop ?? true
  const steps: ShutdownStep[] = []
  const lifecycle = createLifecycle({
    logger: deps.logger,
    steps: () => steps,
    drainMs: config.SHUTDOWN_DRAIN_MS,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    ...(exitOnStop ? { exit: (code: number) => process.exit(code) } : {}),
  })
  if (config.SEED_DEMO_DATA && definition.seed) await definition.seed(deps)
  const consumers = await Promise.all(
    (definition.consumers?.(deps) ?? []).map((spec) =>
      startConsumer({
        kafka: deps.kafka,
        groupId: spec.groupId ?? definition.name,
        topics: spec.topics,
        handlers: spec.handlers,
        db: deps.db,
        logger: deps.logger,
        onFatal: () => void lifecycle.shutdown('a consumer stopped for good', 1),
      }),
    ),
  )
  const jobs = startJobs(deps.db, [...platformJobs(config), ...(definition.jobs?.(deps) ?? [])], deps.logger)
  const checks = {
    db: () => pingDb(pool),
    redis: redisCheck(deps.redis),
    kafka: kafkaCheck(deps.kafka),
    ...Object.fromEntries(consumers.map((c) => [`consumer:${c.groupId}`, c.check])),
    lifecycle: lifecycle.check,
  }
  const app = buildApp(definition, { checks, logger: deps.logger })
    .use(definition.routes(deps))
    // The kit answers a declared oversize body with 413 in the envelope before reading it; Bun's own limit (a bare
    // 413) bounds chunked bodies and absurd declarations.
    .listen({ port: config.PORT, maxRequestBodySize: 16 * maxBodyBytes })
  const server = app.server
  if (!server) throw new Error(`${definition.name} did not start listening`)
  steps.push(
    // Bun's stop() stops accepting at once and resolves when the requests in flight have been answered.
    { name: 'http', run: () => server.stop() },
    { name: 'consumers', run: async () => void (await Promise.all(consumers.map((c) => c.stop()))) },
    { name: 'jobs', run: () => jobs.stop() },
    { name: 'redis', run: async () => await deps.redis[Symbol.asyncDispose]() },
    { name: 'db', run: closeDb },
  )
  const onSignal = (signal: string) => () => void lifecycle.shutdown(signal)
  if (exitOnStop) {
    process.once('SIGTERM', onSignal('SIGTERM'))
    process.once('SIGINT', onSignal('SIGINT'))
  }
  deps.logger.info('started', { port: server.port, consumers: consumers.map((c) => c.groupId) })
  const stop = () => lifecycle.shutdown('stop()')
  return { url: `http://127.0.0.1:${server.port}`, app, deps, stop, [Symbol.asyncDispose]: stop }
}
