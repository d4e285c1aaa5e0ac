import type { AnyElysia } from 'elysia'
import { createDb, pingDb } from '../db/index'
import type { Db } from '../db/types'
import { maxBodyBytes } from '../http/index'
import { type JobDefinition, startJobs } from '../jobs/index'
import {
  createKafka,
  type EventHandler,
  indexHandlers,
  type KafkaClient,
  kafkaCheck,
  type RunningConsumer,
  retryParked,
  startConsumer,
} from '../kafka/index'
import { createLogger, type Logger } from '../log/index'
import { createRedis, type RedisClient, redisCheck } from '../redis/index'
import { setupTracing } from '../tracing/index'
import { createLifecycle, type ShutdownStep } from './lifecycle'
import { applyMigrations } from './migrate'
import { sagaViewRoute } from './saga-route'
import type { SagaTransition } from './saga-view'
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
  /** A start-up check that must hold before anything is served or consumed (e.g. rebuild a cache from the DB). */
  prepare?(deps: ServiceDeps<S, C>): Promise<void>
  /** This service's state transitions in one saga (correlation id = order id), for the ops saga timeline. */
  sagaStates?(deps: ServiceDeps<S, C>, correlationId: string): Promise<SagaTransition[]>
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
  const redis = createRedis(config.REDIS_URL, {}, logger)
  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID ?? definition.name,
    logger,
  })
  const deps: ServiceDeps<S, C> = { config, db: handle.db, redis, kafka, logger }
  return { deps, pool: handle.pool, closeDb: handle.close }
}

/**
 * The service's consumer groups, started after the HTTP server listens (a group join can wait out a crashed member's
 * session): each group's readiness check is red until it has joined and whenever it has stopped.
 */
function consumerGroups<S extends Schema, C extends ServiceConfig>(
  definition: ServiceDefinition<S, C>,
  deps: ServiceDeps<S, C>,
) {
  const specs = (definition.consumers?.(deps) ?? []).map((spec) => ({
    ...spec,
    groupId: spec.groupId ?? definition.name,
  }))
  const running = new Map<string, RunningConsumer>()
  const checks = Object.fromEntries(
    specs.map((spec) => [
      `consumer:${spec.groupId}`,
      async () => {
        const consumer = running.get(spec.groupId)
        if (!consumer) throw new Error(`consumer ${spec.groupId} is starting`)
        await consumer.check()
      },
    ]),
  )
  const start = (onFatal: () => void) =>
    Promise.all(
      specs.map(async (spec) => {
        const { groupId, topics, handlers } = spec
        const common = { kafka: deps.kafka, db: deps.db, logger: deps.logger }
        // 10 s instead of 30: a replica that crashed gives its partitions up sooner; heartbeats go every 3 s.
        running.set(
          groupId,
          await startConsumer({ ...common, groupId, topics, handlers, onFatal, sessionTimeoutMs: 10_000 }),
        )
      }),
    )
  const stop = async () => void (await Promise.all([...running.values()].map((c) => c.stop())))
  // Early events parked by any group are offered again by one leased job (none for a service without consumers).
  const parkingGroups = specs.map((spec) => ({ consumer: spec.groupId, handlers: indexHandlers(spec.handlers) }))
  const retryParkedJob: JobDefinition[] = specs.length
    ? [
        {
          name: 'retry-parked',
          everyMs: deps.config.PARKED_RETRY_EVERY_MS,
          run: async ({ db, logger }) => {
            const passes = await Promise.all(parkingGroups.map((group) => retryParked({ db, logger, ...group })))
            return passes.reduce((sum, p) => ({
              taken: sum.taken + p.taken,
              stillWaiting: sum.stillWaiting + p.stillWaiting,
              failed: sum.failed + p.failed,
            }))
          },
        },
      ]
    : []
  return { groupIds: specs.map((s) => s.groupId), checks, start, stop, jobs: retryParkedJob }
}

/** Every service's `GET /internal/saga/:correlationId` (the ops saga timeline collects them). */
function sagaRouteOf<S extends Schema, C extends ServiceConfig>(
  definition: ServiceDefinition<S, C>,
  deps: ServiceDeps<S, C>,
) {
  const { sagaStates } = definition
  const { config } = deps
  return sagaViewRoute({
    service: definition.name,
    db: deps.db as Db,
    retention: { outboxS: config.OUTBOX_RETENTION_S, inboxS: config.INBOX_RETENTION_S },
    ...(sagaStates ? { states: (correlationId: string) => sagaStates(deps, correlationId) } : {}),
  })
}

/**
 * Starts a service the one way every service starts (STYLE §0): config → migrations → DB, Redis, Kafka → prepare → seed → HTTP
 * on `PORT` → consumers and leased jobs (the platform's prune jobs included). `/health/ready` is green only while DB,
 * Redis, the broker and every consumer are up and no shutdown began. SIGTERM/SIGINT (or `stop()`) shut down
 * gracefully: readiness red, drain, stop accepting and finish in-flight requests, stop consumers (the record in hand
 * commits) and jobs, close pools. A consumer that stops for good shuts the process down with exit code 1.
 */
export async function runService<S extends Schema, C extends ServiceConfig>(
  definition: ServiceDefinition<S, C>,
  options: { exitOnStop?: boolean } = {},
): Promise<RunningService<S, C>> {
  const { config } = definition
  const tracing = setupTracing({
    enabled: config.TRACING_ENABLED,
    serviceName: config.OTEL_SERVICE_NAME ?? definition.name,
    serviceVersion: definition.version,
    endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    sampleRatio: config.OTEL_TRACES_SAMPLER_ARG,
    batchDelayMs: config.OTEL_BSP_SCHEDULE_DELAY,
  })
  const lockName = `migrate:${definition.name}`
  await applyMigrations({ url: config.MARIADB_URL, migrationsFolder: definition.migrationsFolder, lockName })
  const { deps, pool, closeDb } = openDeps(definition)
  const exitOnStop = options.exitOnStop ?? true
  const steps: ShutdownStep[] = []
  const exit = exitOnStop ? { exit: (code: number) => process.exit(code) } : {}
  const timing = { drainMs: config.SHUTDOWN_DRAIN_MS, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }
  const lifecycle = createLifecycle({ logger: deps.logger, steps: () => steps, ...timing, ...exit })
  if (definition.prepare) await definition.prepare(deps)
  if (config.SEED_DEMO_DATA && definition.seed) await definition.seed(deps)
  const groups = consumerGroups(definition, deps)
  const checks = {
    db: () => pingDb(pool),
    redis: redisCheck(deps.redis),
    kafka: kafkaCheck(deps.kafka),
    ...groups.checks,
    lifecycle: lifecycle.check,
  }
  const app = buildApp(definition, { checks, logger: deps.logger })
    .use(definition.routes(deps))
    .use(sagaRouteOf(definition, deps))
    // The kit answers a declared oversize body with 413 in the envelope before reading it; Bun's own limit (a bare
    // 413) bounds chunked bodies and absurd declarations.
    .listen({ hostname: config.HTTP_HOST, port: config.PORT, maxRequestBodySize: 16 * maxBodyBytes })
  const server = app.server
  if (!server) throw new Error(`${definition.name} did not start listening`)
  // Bun's stop() stops accepting at once and resolves when the requests in flight have been answered.
  steps.push({ name: 'http', run: () => server.stop() }, { name: 'consumers', run: groups.stop })
  // From here on a signal drains what has started, even while a consumer group is still joining.
  if (exitOnStop) {
    process.once('SIGTERM', () => void lifecycle.shutdown('SIGTERM'))
    process.once('SIGINT', () => void lifecycle.shutdown('SIGINT'))
  }
  await groups.start(() => void lifecycle.shutdown('a consumer stopped for good', 1))
  const jobs = startJobs(
    deps.db,
    [...platformJobs(config), ...groups.jobs, ...(definition.jobs?.(deps) ?? [])],
    deps.logger,
  )
  steps.push(
    { name: 'jobs', run: () => jobs.stop() },
    { name: 'redis', run: async () => await deps.redis[Symbol.asyncDispose]() },
    { name: 'db', run: closeDb },
    // Last: the spans of everything above (the final requests and records) are sent before the process exits.
    { name: 'tracing', run: tracing.shutdown },
  )
  deps.logger.info('started', { port: server.port, consumers: groups.groupIds, tracing: tracing.recording })
  const stop = () => lifecycle.shutdown('stop()')
  return { url: `http://127.0.0.1:${server.port}`, app, deps, stop, [Symbol.asyncDispose]: stop }
}
