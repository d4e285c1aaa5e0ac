import { createHttpApp, type HealthCheck } from '../http/index'
import { pruneJobs } from '../jobs/index'
import type { Logger } from '../log/index'

/** The config keys runService reads (`ServiceEnv`: Http, MariaDb, Redis, Kafka, Lifecycle, Jobs, Tracing); services add their own. */
export interface ServiceConfig {
  PORT: number
  HTTP_HOST: string
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error'
  HTTP_ACCESS_LOG: boolean
  MARIADB_URL: string
  MARIADB_POOL_SIZE: number
  REDIS_URL: string
  KAFKA_BROKERS: string
  KAFKA_CLIENT_ID?: string | undefined
  SHUTDOWN_DRAIN_MS: number
  SHUTDOWN_TIMEOUT_MS: number
  SEED_DEMO_DATA: boolean
  OUTBOX_RETENTION_S: number
  INBOX_RETENTION_S: number
  IDEMPOTENCY_RETENTION_S: number
  PRUNE_EVERY_S: number
  PARKED_RETRY_EVERY_MS: number
  TRACING_ENABLED: boolean
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined
  OTEL_SERVICE_NAME?: string | undefined
  OTEL_TRACES_SAMPLER_ARG: number
  OTEL_BSP_SCHEDULE_DELAY: number
}

/** The root app of a service: the HTTP kit with its readiness checks and logger. */
export function buildApp(
  definition: { name: string; version: string; description?: string; config: ServiceConfig },
  at: { checks: Record<string, HealthCheck>; logger: Logger },
) {
  return createHttpApp({
    name: definition.name,
    version: definition.version,
    ...(definition.description ? { description: definition.description } : {}),
    checks: at.checks,
    logger: at.logger,
    accessLog: definition.config.HTTP_ACCESS_LOG,
  })
}

/** The prune jobs every service runs (outbox, inbox, Idempotency-Key records), from its retention config. */
export const platformJobs = (config: ServiceConfig) =>
  pruneJobs({
    outboxRetentionMs: config.OUTBOX_RETENTION_S * 1000,
    inboxRetentionMs: config.INBOX_RETENTION_S * 1000,
    idempotencyRetentionMs: config.IDEMPOTENCY_RETENTION_S * 1000,
    everyMs: config.PRUNE_EVERY_S * 1000,
  })
