import { describe, expect, test } from 'bun:test'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serviceDatabases, serviceDbUrl } from '../stack/provision/topology'
import { composePrometheusConfig, composeServices } from './compose/prometheus'
import { imageRef } from './images'

const root = join(import.meta.dir, '../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')

interface ComposeService {
  image?: string
  build?: { context: string; dockerfile: string; args?: Record<string, string> }
  command?: string[] | string
  environment?: Record<string, string>
  volumes?: string[]
  depends_on?: Record<string, { condition: string }> | string[]
  healthcheck?: unknown
}
const compose = Bun.YAML.parse(read('compose.yaml')) as { services: Record<string, ComposeService> }
const entries = Object.entries(compose.services)
const services = readdirSync(join(root, 'services')).filter((s) => existsSync(join(root, 'services', s, 'src/main.ts')))
const endpoints = { mariadbHost: 'mariadb', mariadbPort: 3306, kafkaBrokers: 'redpanda:9092', connectUrl: '' }

/** The env names lib/services.sh's start_service passes a service (`NAME=value` words), and .stack/env's. */
function stackServiceEnvNames(): string[] {
  const script = read('platform/stack/lib/services.sh')
  const body = script.slice(script.indexOf('start_service() {'), script.indexOf('start_bg "svc-$name"'))
  const names = [...body.matchAll(/(?:^|\s)([A-Z][A-Z0-9_]*)=/g)].map((m) => m[1] ?? '')
  return [...new Set([...names, 'REDIS_URL', 'KAFKA_BROKERS'])]
}

describe('compose.yaml', () => {
  test('parses, and names the pieces the local stack runs', () => {
    const names = entries.map(([name]) => name)
    for (const piece of ['redpanda', 'connect', 'mariadb', 'redis', 'prometheus', 'grafana', 'console', 'provision'])
      expect(names).toContain(piece)
    for (const service of [...services, 'pg-sandbox']) expect(names).toContain(service)
  })

  test('references only files and folders that exist', () => {
    for (const [name, service] of entries) {
      if (service.build) {
        expect(existsSync(join(root, service.build.context)), `${name} build context`).toBe(true)
        expect(existsSync(join(root, service.build.context, service.build.dockerfile)), `${name} Dockerfile`).toBe(true)
      }
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] ?? ''
        if (source.startsWith('.')) expect(existsSync(join(root, source)), `${name}: ${source}`).toBe(true)
      }
    }
  })

  test('pins every image: commerce/<name>:0.15.0 for ours, a fixed tag for the rest, never latest', () => {
    for (const [name, service] of entries) {
      const image = service.image ?? ''
      expect(image, name).toMatch(/:[^:/]+$/)
      expect(image, name).not.toMatch(/:latest$/)
      if (image.startsWith('commerce/')) expect(image).toBe(imageRef(name as Parameters<typeof imageRef>[0]))
    }
  })

  test.each(services)('%s gets every env var the local stack gives it, with its own database', (name) => {
    const env = compose.services[name]?.environment ?? {}
    for (const key of stackServiceEnvNames()) expect(env[key], `${name}: ${key}`).toBeDefined()
    const db = serviceDatabases.find((d) => d.service === name)
    expect(db).toBeDefined()
    if (db) expect(env['MARIADB_URL']).toBe(serviceDbUrl(db, endpoints))
    expect(env['HTTP_HOST']).toBe('0.0.0.0')
    expect(Object.values(env).join(' ')).not.toContain('127.0.0.1')
  })

  test.each(services)('%s: its own config loads from the compose env', async (name) => {
    const module = (await import(join(root, 'services', name, 'src/config.ts'))) as Record<string, unknown>
    const load = module[`load${name[0]?.toUpperCase()}${name.slice(1)}Config`] as (env: object) => unknown
    expect(typeof load).toBe('function')
    expect(() => load(compose.services[name]?.environment ?? {})).not.toThrow()
  })

  test('every service starts after provisioning completed; provisioning after MariaDB, Redpanda and Connect', () => {
    for (const name of [...services]) {
      const deps = compose.services[name]?.depends_on as Record<string, { condition: string }>
      expect(deps['provision']?.condition, name).toBe('service_completed_successfully')
      expect(deps['redis']?.condition, name).toBe('service_healthy')
    }
    const provision = compose.services['provision']?.depends_on as Record<string, { condition: string }>
    for (const dep of ['mariadb', 'redpanda', 'connect']) expect(provision[dep]?.condition).toBe('service_healthy')
    expect(compose.services['payment']?.depends_on).toHaveProperty('pg-sandbox')
    for (const name of [...services, 'pg-sandbox'])
      expect(JSON.stringify(compose.services[name]?.healthcheck), name).toContain('/health/ready')
  })

  test('Redpanda does not create topics on first use: the provision job does', () => {
    expect(compose.services['redpanda']?.command).toContain('--set=redpanda.auto_create_topics_enabled=false')
  })

  test('MariaDB runs with platform/stack/conf/my.cnf server settings (ROW binlog)', () => {
    const perMachine = new Set(['datadir', 'socket', 'pid-file', 'port', 'bind-address', 'user', 'log_bin'])
    const cnf = read('platform/stack/conf/my.cnf')
      .split('\n')
      .filter((line) => /^[a-z_-]+=/.test(line))
      .map((line) => line.split('='))
      .filter(([key]) => !perMachine.has(key ?? ''))
      .map(([key, value]) => `--${key?.replaceAll('_', '-')}=${value}`)
    const command = compose.services['mariadb']?.command as string[]
    expect(cnf).toContain('--binlog-format=ROW')
    expect(command.filter((flag) => flag !== '--log-bin=binlog').sort()).toEqual(cnf.sort())
  })

  test('Redis keeps an append-only file', () => {
    expect(compose.services['redis']?.command).toContain('--appendonly')
  })

  test('Prometheus and Grafana mount the same rules, provisioning and dashboards as the local stack', () => {
    // Compared parsed: biome formats the YAML file.
    expect(Bun.YAML.parse(read('platform/deploy/compose/prometheus.yml'))).toEqual(
      Bun.YAML.parse(composePrometheusConfig()),
    )
    expect<string[]>([...composeServices]).toEqual([...services].sort())
    expect(compose.services['prometheus']?.volumes).toContain(
      './platform/observability/prometheus/rules:/etc/prometheus/rules:ro',
    )
    const grafana = compose.services['grafana']?.volumes ?? []
    expect(grafana).toContain('./platform/observability/grafana/provisioning:/etc/grafana/provisioning:ro')
    expect(grafana).toContain('./platform/observability/grafana/dashboards:/var/lib/grafana/dashboards/commerce:ro')
  })
})
