import { Type } from '@sinclair/typebox'

/** Env keys shared by every service, so names match across services and k8s ConfigMaps. */
export const HttpEnv = {
  PORT: Type.Integer({ minimum: 0, maximum: 65535 }),
  /**
   * The address to listen on. Loopback by default: the gateway is the one front door, so a service (and its
   * /internal/*, /metrics, /health/*) must not answer on the machine's other addresses. A container sets 0.0.0.0.
   */
  HTTP_HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  SERVICE_NAME: Type.String({ minLength: 1 }),
  LOG_LEVEL: Type.Union([Type.Literal('debug'), Type.Literal('info'), Type.Literal('warn'), Type.Literal('error')], {
    default: 'info',
  }),
  /** One info line per request (method, route, status, duration) when true; metrics cover the rest. */
  HTTP_ACCESS_LOG: Type.Boolean({ default: false }),
}

export const MariaDbEnv = {
  /** mysql://user:password@host:port/database */
  MARIADB_URL: Type.String({ pattern: '^mysql://' }),
  MARIADB_POOL_SIZE: Type.Integer({ minimum: 1, default: 10 }),
}

export const RedisEnv = {
  REDIS_URL: Type.String({ pattern: '^rediss?://' }),
}

export const KafkaEnv = {
  /** Comma-separated host:port list. */
  KAFKA_BROKERS: Type.String({ minLength: 1 }),
  KAFKA_CLIENT_ID: Type.Optional(Type.String()),
}

/** Access-token verification against auth's JWKS (SPEC §3); every service but auth sets these. */
export const JwtEnv = {
  AUTH_JWKS_URL: Type.String({ pattern: '^https?://' }),
  /** Required: a token minted for another issuer or audience is never accepted. */
  AUTH_JWT_ISSUER: Type.String({ minLength: 1 }),
  AUTH_JWT_AUDIENCE: Type.String({ minLength: 1 }),
}

/** How long an Idempotency-Key answer is replayed (24 h by default, SPEC §3). */
export const IdempotencyEnv = {
  IDEMPOTENCY_TTL_S: Type.Integer({ minimum: 60, default: 86_400 }),
}

/** Retention of the platform tables, pruned by `pruneJobs` (platform/src/jobs), in seconds. */
export const JobsEnv = {
  /** Outbox rows are published once Debezium read them from the binlog (seconds); a week leaves room to inspect them. */
  OUTBOX_RETENTION_S: Type.Integer({ minimum: 3600, default: 7 * 86_400 }),
  /**
   * Inbox rows must outlive any redelivery: Kafka keeps records 7 days and a dead letter may be replayed days later;
   * a pruned inbox row lets a redelivered event take effect twice. 14 days covers both.
   */
  INBOX_RETENTION_S: Type.Integer({ minimum: 86_400, default: 14 * 86_400 }),
  /** Idempotency-Key answers are replayed for 24 h (SPEC §3); never below IDEMPOTENCY_TTL_S, or a retry runs again. */
  IDEMPOTENCY_RETENTION_S: Type.Integer({ minimum: 3600, default: 86_400 }),
  /** How often each prune job runs, on one replica at a time. */
  PRUNE_EVERY_S: Type.Integer({ minimum: 1, default: 900 }),
  /**
   * How often the `retry-parked` job offers parked early events (SPEC §6) to their handlers again, in ms. One indexed
   * query per run while nothing is parked; each event also has its own backoff (1 s doubling to 30 s).
   */
  PARKED_RETRY_EVERY_MS: Type.Integer({ minimum: 100, default: 1_000 }),
}

/** Start-up and shutdown of a service (runService): drain time before the server stops accepting, a hard bound, seeding. */
export const LifecycleEnv = {
  /** Readiness is red this long before the server stops accepting: k8s needs a moment to take the pod out of service. */
  SHUTDOWN_DRAIN_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: 0 }),
  /** Past this the process exits 1 whatever still runs; keep it below the pod's terminationGracePeriodSeconds. */
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 600_000, default: 20_000 }),
  /** Demo data at start (idempotent): `npm run up` sets it; production does not. */
  SEED_DEMO_DATA: Type.Boolean({ default: false }),
}

/** Distributed tracing (OpenTelemetry, platform/src/tracing); the names are OpenTelemetry's own where it has one. */
export const TracingEnv = {
  /** Off: no span is made anywhere; `traceparent` ids still pass through headers and events. */
  TRACING_ENABLED: Type.Boolean({ default: true }),
  /** OTLP/HTTP base URL of a collector (Jaeger, Tempo: `http://host:4318`). Unset: no exporter, no spans, ids still pass. */
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** The `service.name` of this process' spans; the service's name when unset. */
  OTEL_SERVICE_NAME: Type.Optional(Type.String({ minLength: 1 })),
  /** Share of new traces recorded (parent-based: a caller's sampled flag decides for the traces it started). */
  OTEL_TRACES_SAMPLER_ARG: Type.Number({ minimum: 0, maximum: 1, default: 1 }),
  /** Batch span processor: longest wait before held spans are sent (ms). */
  OTEL_BSP_SCHEDULE_DELAY: Type.Integer({ minimum: 1, default: 5_000 }),
}

/** Every key runService reads: a service's config is `loadConfig({ ...ServiceEnv, ...its own })`. */
export const ServiceEnv = {
  ...HttpEnv,
  ...MariaDbEnv,
  ...RedisEnv,
  ...KafkaEnv,
  ...LifecycleEnv,
  ...JobsEnv,
  ...TracingEnv,
}
