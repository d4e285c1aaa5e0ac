/** Where one job's metrics are scraped: every target answers `metrics_path` over plain HTTP on 127.0.0.1. */
export interface ScrapeJob {
  job: string
  targets: string[]
  /** Labels every series of the job carries (the services' `service`, SPEC §2: added by Prometheus, not the app). */
  labels?: Record<string, string>
  metricsPath?: string
}

/** The ports the local stack's scrape targets listen on (defaults.env, an environment variable wins). */
export interface ScrapePorts {
  prometheus: number
  kafkaJmx: number
  connectJmx: number
  redisExporter: number
  mysqldExporter: number
  opsConsole: number
}

/** A service the stack runs, with the port its /metrics answers on. */
export interface ScrapedService {
  name: string
  port: number
}

const local = (port: number) => `127.0.0.1:${port}`

/**
 * Every job the local stack scrapes: one per service (job = service name), Kafka's and Connect's JMX agents, the
 * Redis and MySQL exporters, the ops console's exporter, and Prometheus itself. The PG sandbox serves no /metrics
 * (it stands in for a third party), so it has no job.
 */
export function stackScrapeJobs(services: readonly ScrapedService[], ports: ScrapePorts): ScrapeJob[] {
  return [
    ...services.map((service) => ({
      job: service.name,
      targets: [local(service.port)],
      labels: { service: service.name },
    })),
    { job: 'kafka', targets: [local(ports.kafkaJmx)] },
    { job: 'kafka-connect', targets: [local(ports.connectJmx)] },
    { job: 'redis', targets: [local(ports.redisExporter)] },
    { job: 'mariadb', targets: [local(ports.mysqldExporter)] },
    { job: 'ops-console', targets: [local(ports.opsConsole)] },
    { job: 'prometheus', targets: [local(ports.prometheus)] },
  ]
}
