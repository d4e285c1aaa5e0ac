import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stackDefaults } from '../../stack/defaults'
import { type PrometheusRenderConfig, ruleFilesGlob } from './config'
import { renderPrometheusConfig } from './render-config'
import { type ScrapedService, stackScrapeJobs } from './scrape-jobs'

const root = join(import.meta.dir, '../../..')

/** The services `stack up` starts (lib/services.sh: services/<name>/src/main.ts, and the sample service). */
function stackServices(config: PrometheusRenderConfig): ScrapedService[] {
  const names = readdirSync(join(root, 'services'))
    .filter((name) => existsSync(join(root, 'services', name, 'src', 'main.ts')))
    .sort()
  return [...names, 'sample'].map((name) => ({ name, port: servicePort(config, name) }))
}

function servicePort(config: PrometheusRenderConfig, name: string): number {
  const key = `${name.toUpperCase()}_PORT`
  const port = Number(config.ports[key] ?? stackDefaults[key as keyof typeof stackDefaults])
  if (!Number.isInteger(port) || port <= 0)
    throw new Error(`no port for service ${name}: set ${key} or add it to defaults.env`)
  return port
}

/** Writes `<STACK_DIR>/prometheus/prometheus.yml` for the stack `config` describes; returns the file's path. */
export function writePrometheusConfig(config: PrometheusRenderConfig): string {
  const jobs = stackScrapeJobs(stackServices(config), {
    prometheus: config.PROMETHEUS_PORT,
    kafkaJmx: config.KAFKA_JMX_PORT,
    connectJmx: config.CONNECT_JMX_PORT,
    redisExporter: config.REDIS_EXPORTER_PORT,
    mysqldExporter: config.MYSQLD_EXPORTER_PORT,
    opsConsole: config.OPS_CONSOLE_PORT,
  })
  mkdirSync(config.dir, { recursive: true })
  const file = join(config.dir, 'prometheus.yml')
  writeFileSync(
    file,
    renderPrometheusConfig({ jobs, ruleFiles: [ruleFilesGlob], interval: config.PROMETHEUS_INTERVAL }),
  )
  return file
}
