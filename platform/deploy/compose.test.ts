import { describe, expect, test } from 'bun:test'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readRoutes } from '../gateway/routes'
import { stackScrapeJobs } from '../observability/prometheus/scrape-jobs'
import { METRICS_USER, serviceDatabases, serviceDbUrl } from '../stack/provision/topology'
import { composeGatewayPort, composeNginxConf } from './compose/gateway'
import { composePrometheusConfig, composeScrapeJobs, composeServices } from './compose/prometheus'
import { DATASTORE_IMAGES, mariadbServerArgs, REDIS_ARGS } from './datastores'
import { imageRef } from './images'

const root = join(import.meta.dir, '../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')

interface ComposeService {
  image?: string
  build?: { context: string; dockerfile: string; args?: Record<string, string> }
  command?: string[] | string
  environment?: Record<string, string>
  volumes?: string[]
  ports?: string[]
  networks?: Record<string, { ipv4_address?: string }>
  depends_on?: Record<string, { condition: string }> | string[]
  healthcheck?: unknown
}
interface ComposeNetwork {
  ipam?: { config?: { subnet?: string; ip_range?: string }[] }
}
const compose = Bun.YAML.parse(read('compose.yaml')) as {
  services: Record<string, ComposeService>
  networks?: Record<string, ComposeNetwork>
}
const entries = Object.entries(compose.services)
const services = readdirSync(join(root, 'services')).filter((s) => existsSync(join(root, 'services', s, 'src/main.ts')))
const endpoints = { mariadbHost: 'mariadb', mariadbPort: 3306, kafkaBrokers: 'redpanda:9092', connectUrl: '' }

/** Whether an IPv4 address lies in a `a.b.c.d/n` block. */
function inBlock(address: string, block: string): boolean {
  const toInt = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0)
  const [base = '', bits = '32'] = block.split('/')
  const size = 2 ** (32 - Number(bits))
  return Math.floor(toInt(address) / size) === Math.floor(toInt(base) / size)
}

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

  test('MariaDB, Redis and Redpanda run the images and server settings the Kubernetes manifests use (datastores.ts)', () => {
    const command = compose.services['mariadb']?.command as string[]
    expect(command).toContain('--binlog-format=ROW')
    expect([...command].sort()).toEqual(mariadbServerArgs().sort())
    expect(compose.services['redis']?.command).toEqual(['redis-server', ...REDIS_ARGS])
    for (const [name, image] of Object.entries(DATASTORE_IMAGES))
      expect(compose.services[name]?.image, name).toBe(image)
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

  test("Prometheus scrapes the Redis and MySQL exporters under the local stack's job names, at compose services", () => {
    const jobs = composeScrapeJobs()
    const localJobs = stackScrapeJobs([], {
      prometheus: 1,
      kafkaJmx: 1,
      connectJmx: 1,
      redisExporter: 1,
      mysqldExporter: 1,
      opsConsole: 1,
    }).map((job) => job.job)
    for (const job of ['redis', 'mariadb']) {
      expect(localJobs).toContain(job)
      expect(jobs.map((j) => j.job)).toContain(job)
    }
    // Every target but Prometheus itself is a compose service: an exporter scraped here is one compose starts.
    for (const { job, targets } of jobs)
      for (const target of targets) {
        const host = target.split(':')[0] ?? ''
        if (host !== 'localhost') expect(compose.services[host], `${job}: ${target}`).toBeDefined()
      }
    expect(compose.services['redis-exporter']?.command).toContain('--redis.addr=redis://redis:6379')
  })

  test("the MySQL exporter logs in as provisioning's metrics user, once provisioning created it", () => {
    const exporter = compose.services['mysqld-exporter']
    expect(exporter?.command).toContain('--mysqld.address=mariadb:3306')
    expect(exporter?.command).toContain(`--mysqld.username=${METRICS_USER.user}`)
    expect(exporter?.environment?.['MYSQLD_EXPORTER_PASSWORD']).toBe(METRICS_USER.password)
    const deps = exporter?.depends_on as Record<string, { condition: string }>
    expect(deps['provision']?.condition).toBe('service_completed_successfully')
  })
})

describe('compose.yaml: the gateway is the front door', () => {
  const gateway = compose.services['gateway']
  const conf = read('platform/deploy/compose/nginx.conf')
  const servicePort = (name: string) => compose.services[name]?.environment?.['PORT']

  test("runs the committed nginx.conf, which is compose/gateway.ts's output", () => {
    expect(conf).toBe(composeNginxConf())
    expect(gateway?.volumes).toContain('./platform/deploy/compose/nginx.conf:/etc/nginx/nginx.conf:ro')
    expect(gateway?.image).toMatch(/^nginx:\d+\.\d+\.\d+$/)
    expect(conf).toContain(`listen 0.0.0.0:${composeGatewayPort};`)
    expect(gateway?.ports).toEqual([`${composeGatewayPort}:${composeGatewayPort}`])
  })

  test('routes every routes.json prefix to its service at <service>:<port>', () => {
    // Each `location <modifier> <path> {` block up to the next one, with the upstream its proxy_pass names.
    const upstreams = new Map(
      conf
        .split('\n    location ')
        .slice(1)
        .map((block) => [block.split(' ')[1], /proxy_pass http:\/\/([^;]+);/.exec(block)?.[1]]),
    )
    const routes = readRoutes()
    expect(routes.length).toBeGreaterThan(0)
    for (const { prefix, service } of routes) {
      expect(compose.services[service], service).toBeDefined()
      expect(upstreams.get(prefix), prefix).toBe(`${service}:${servicePort(service)}`)
      if (!prefix.includes('.'))
        expect(upstreams.get(`${prefix}/`), `${prefix}/`).toBe(`${service}:${servicePort(service)}`)
    }
    expect(conf).not.toContain('127.0.0.1')
  })

  test('starts once every service it routes to is healthy', () => {
    const deps = gateway?.depends_on as Record<string, { condition: string }>
    for (const service of new Set(readRoutes().map((route) => route.service)))
      expect(deps[service]?.condition, service).toBe('service_healthy')
    expect(JSON.stringify(gateway?.healthcheck)).toContain(`127.0.0.1:${composeGatewayPort}`)
  })

  test('only the gateway publishes a service-facing port; the UIs and datastores keep theirs', () => {
    for (const name of [...services, 'pg-sandbox']) expect(compose.services[name]?.ports, name).toBeUndefined()
    const published = entries.filter(([, service]) => service.ports !== undefined).map(([name]) => name)
    expect(published.sort()).toEqual(
      ['connect', 'console', 'gateway', 'grafana', 'mariadb', 'prometheus', 'redis', 'redpanda'].sort(),
    )
  })

  test("its fixed address is every service's one trusted proxy, in the subnet, outside the range others get", () => {
    const address = gateway?.networks?.['default']?.ipv4_address ?? ''
    expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
    const ipam = compose.networks?.['default']?.ipam?.config?.[0]
    expect(ipam?.ip_range).toBeDefined()
    expect(inBlock(address, ipam?.subnet ?? '')).toBe(true)
    expect(inBlock(address, ipam?.ip_range ?? '')).toBe(false)
    for (const name of [...services, 'pg-sandbox']) {
      const env = compose.services[name]?.environment ?? {}
      expect(env['AUTH_TRUSTED_PROXIES'], name).toBe(address)
      expect(env['AUTH_TRUST_PROXY'], name).toBe('true')
    }
  })
})
