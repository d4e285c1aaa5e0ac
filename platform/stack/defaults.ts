import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const keys = [
  'MARIADB_PORT',
  'REDIS_PORT',
  'KAFKA_PORT',
  'KAFKA_CONTROLLER_PORT',
  'CONNECT_PORT',
  'KAFKA_VERSION',
  'CONNECT_VERSION',
  'DEBEZIUM_VERSION',
  'BUN_VERSION',
  'SAMPLE_PORT',
  'GATEWAY_PORT',
  'AUTH_PORT',
  'USER_PORT',
  'CATALOG_PORT',
  'INVENTORY_PORT',
  'ORDER_PORT',
  'PAYMENT_PORT',
  'AUTH_JWT_ISSUER',
  'AUTH_JWT_AUDIENCE',
  'PG_SANDBOX_PORT',
  'PG_SANDBOX_SECRET_KEY',
  'PROMETHEUS_PORT',
  'KAFKA_JMX_PORT',
  'CONNECT_JMX_PORT',
  'REDIS_EXPORTER_PORT',
  'MYSQLD_EXPORTER_PORT',
  'OPS_CONSOLE_PORT',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
] as const

/** The stack's defaults by name, as written in defaults.env. */
export type StackDefaults = Readonly<Record<(typeof keys)[number], string>>

type Env = Record<string, string | undefined>

/** Parses the KEY=VALUE lines bash can source too; blank lines and `#` comments are skipped. */
export function parseEnvLines(text: string): Env {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const at = line.indexOf('=')
      if (at <= 0) throw new Error(`defaults.env: not a KEY=VALUE line: ${line}`)
      return [line.slice(0, at), line.slice(at + 1)] as const
    })
  return Object.fromEntries(entries)
}

function readDefaults(): StackDefaults {
  const parsed = parseEnvLines(readFileSync(join(import.meta.dir, 'defaults.env'), 'utf8'))
  const missing = keys.filter((key) => parsed[key] === undefined)
  if (missing.length > 0) throw new Error(`platform/stack/defaults.env lacks ${missing.join(', ')}`)
  return Object.freeze(Object.fromEntries(keys.map((key) => [key, parsed[key] ?? ''])) as StackDefaults)
}

/** The stack's defaults (ports, versions) from defaults.env, the file lib/common.sh reads as well. */
export const stackDefaults: StackDefaults = readDefaults()

/** Where the infrastructure answers: the URLs every tool and test reads (`.stack/env` holds the same names). */
export interface StackUrls {
  mariadbAdminUrl: string
  redisUrl: string
  kafkaBrokers: string
  connectUrl: string
}

/** The local stack's URLs for its ports: a port from `env` (MARIADB_PORT, …) wins over defaults.env. */
export function localStackUrls(env: Env = {}): StackUrls {
  const port = (key: 'MARIADB_PORT' | 'REDIS_PORT' | 'KAFKA_PORT' | 'CONNECT_PORT') => env[key] ?? stackDefaults[key]
  return {
    mariadbAdminUrl: `mysql://root@127.0.0.1:${port('MARIADB_PORT')}`,
    redisUrl: `redis://127.0.0.1:${port('REDIS_PORT')}`,
    kafkaBrokers: `127.0.0.1:${port('KAFKA_PORT')}`,
    connectUrl: `http://127.0.0.1:${port('CONNECT_PORT')}`,
  }
}

/** The URLs from the environment (MARIADB_ADMIN_URL, REDIS_URL, KAFKA_BROKERS, CONNECT_URL), else the local stack's. */
export function stackUrls(env: Env): StackUrls {
  const local = localStackUrls(env)
  return {
    mariadbAdminUrl: env['MARIADB_ADMIN_URL'] ?? local.mariadbAdminUrl,
    redisUrl: env['REDIS_URL'] ?? local.redisUrl,
    kafkaBrokers: env['KAFKA_BROKERS'] ?? local.kafkaBrokers,
    connectUrl: env['CONNECT_URL'] ?? local.connectUrl,
  }
}
