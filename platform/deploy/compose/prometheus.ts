// compose.yaml's prometheus.yml: the local stack's renderer (platform/observability/prometheus/render-config.ts) with
// compose's hostnames and the same rule files, mounted at /etc/prometheus/rules. Regenerate after adding a target:
//   bun platform/deploy/compose/prometheus.ts > platform/deploy/compose/prometheus.yml
import { renderPrometheusConfig } from '../../observability/prometheus/render-config'
import type { ScrapeJob } from '../../observability/prometheus/scrape-jobs'
import { stackDefaults } from '../../stack/defaults'

/** The six services and their ports (defaults.env), scraped at their compose hostnames. */
export const composeServices = ['auth', 'catalog', 'inventory', 'order', 'payment', 'user'] as const

const port = (service: string) => stackDefaults[`${service.toUpperCase()}_PORT` as keyof typeof stackDefaults]

export function composeScrapeJobs(): ScrapeJob[] {
  return [
    ...composeServices.map((name) => ({ job: name, targets: [`${name}:${port(name)}`], labels: { service: name } })),
    { job: 'kafka-connect', targets: ['connect:9405'] },
    { job: 'redpanda', targets: ['redpanda:9644'], metricsPath: '/public_metrics' },
    // The local stack's job names (scrape-jobs.ts), so the same rules and dashboards read them.
    { job: 'redis', targets: ['redis-exporter:9121'] },
    { job: 'mariadb', targets: ['mysqld-exporter:9104'] },
    { job: 'prometheus', targets: ['localhost:9090'] },
  ]
}

export const composePrometheusConfig = () =>
  renderPrometheusConfig({ jobs: composeScrapeJobs(), ruleFiles: ['/etc/prometheus/rules/*.yml'], interval: '15s' })

if (import.meta.main) process.stdout.write(composePrometheusConfig())
