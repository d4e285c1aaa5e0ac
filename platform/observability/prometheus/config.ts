import { join } from 'node:path'
import { type TInteger, Type } from '@sinclair/typebox'
import { loadConfig } from '../../src/config'
import { stackDefaults } from '../../stack/defaults'

type PortKey = keyof typeof stackDefaults & `${string}_PORT`

const port = (key: PortKey): TInteger =>
  Type.Integer({ minimum: 1, maximum: 65_535, default: Number(stackDefaults[key]) })

/** What the generated prometheus.yml is made of: the stack's ports (defaults.env; lib/observability.sh passes them). */
export const PrometheusRenderEnv = {
  PROMETHEUS_PORT: port('PROMETHEUS_PORT'),
  KAFKA_JMX_PORT: port('KAFKA_JMX_PORT'),
  CONNECT_JMX_PORT: port('CONNECT_JMX_PORT'),
  REDIS_EXPORTER_PORT: port('REDIS_EXPORTER_PORT'),
  MYSQLD_EXPORTER_PORT: port('MYSQLD_EXPORTER_PORT'),
  OPS_CONSOLE_PORT: port('OPS_CONSOLE_PORT'),
  /** Scrape and rule evaluation interval. */
  PROMETHEUS_INTERVAL: Type.String({ pattern: '^[0-9]+(ms|s|m)$', default: '15s' }),
  /** The stack's directory (.stack); the config goes to `<STACK_DIR>/prometheus/prometheus.yml`. */
  STACK_DIR: Type.String({ default: join(import.meta.dir, '../../../.stack') }),
}

/** The alert rules Prometheus loads: every *.yml in rules/ (none is fine: no rules). */
export const ruleFilesGlob = join(import.meta.dir, 'rules', '*.yml')

/** The render settings, plus every `<NAME>_PORT` of the environment (a service's port wins over defaults.env). */
export function loadPrometheusRenderConfig(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(PrometheusRenderEnv, env)
  return { ...config, dir: join(config.STACK_DIR, 'prometheus'), ports: { ...env } }
}
export type PrometheusRenderConfig = ReturnType<typeof loadPrometheusRenderConfig>
