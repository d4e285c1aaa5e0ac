import { Type } from '@sinclair/typebox'

/** Env keys shared by every service, so names match across services and k8s ConfigMaps. */
export const HttpEnv = {
  PORT: Type.Integer({ minimum: 0, maximum: 65535 }),
  SERVICE_NAME: Type.String({ minLength: 1 }),
  LOG_LEVEL: Type.Union([Type.Literal('debug'), Type.Literal('info'), Type.Literal('warn'), Type.Literal('error')], {
    default: 'info',
  }),
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
