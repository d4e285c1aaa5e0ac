import { Type } from '@sinclair/typebox'

/** Env keys shared by every service, so names match across services and k8s ConfigMaps. */
export const HttpEnv = {
  PORT: Type.Integer({ minimum: 0, maximum: 65535 }),
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
