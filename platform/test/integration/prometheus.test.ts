import { describe, expect, test } from 'bun:test'
import { eventually, testEnv } from '../../src/testing'

// The stack's Prometheus (lib/observability.sh, config from platform/observability/prometheus), scraping the running
// stack: every target is up and each kind of exporter delivers the series the dashboards and alerts read.
const prometheus = testEnv().prometheusUrl

/** The jobs the stack's generated config must have (the services', the sample's, every infrastructure exporter's). */
const expectedJobs = [
  'auth',
  'user',
  'catalog',
  'inventory',
  'order',
  'payment',
  'sample',
  'kafka',
  'kafka-connect',
  'redis',
  'mariadb',
  'prometheus',
  'ops-console',
]

interface Target {
  labels: Record<string, string>
  health: 'up' | 'down' | 'unknown'
  lastError: string
  lastScrape: string
}

async function activeTargets(): Promise<Target[]> {
  const response = await fetch(`${prometheus}/api/v1/targets?state=active`)
  expect(response.status).toBe(200)
  const body = (await response.json()) as { data: { activeTargets: Target[] } }
  return body.data.activeTargets
}

/** An instant query's samples: [labels, value]. */
async function query(promql: string): Promise<{ labels: Record<string, string>; value: number }[]> {
  const response = await fetch(`${prometheus}/api/v1/query?query=${encodeURIComponent(promql)}`)
  expect(response.status).toBe(200)
  const body = (await response.json()) as {
    data: { result: { metric: Record<string, string>; value: [number, string] }[] }
  }
  return body.data.result.map((sample) => ({ labels: sample.metric, value: Number(sample.value[1]) }))
}

/** The value of a query that must answer with exactly one sample (retried: a target is scraped every 15 s). */
const single = (promql: string) =>
  eventually(
    async () => {
      const samples = await query(promql)
      return samples.length === 1 ? (samples[0]?.value ?? null) : null
    },
    { timeoutMs: 45_000, intervalMs: 500, what: `one sample for ${promql}` },
  )

describe('Prometheus in the local stack', () => {
  test('scrapes every job of the generated config, and every target is up', async () => {
    // Health as of a scrape made during this test (one interval, 15 s, at most), not an older one.
    const since = Date.now()
    const targets = await eventually(
      async () => {
        const all = await activeTargets()
        const fresh = all.every((target) => Date.parse(target.lastScrape) > since)
        return fresh && all.every((target) => target.health === 'up') ? all : null
      },
      { timeoutMs: 45_000, intervalMs: 500, what: 'every scrape target scraped again and up' },
    ).catch(async (error: unknown) => {
      const down = (await activeTargets()).filter((t) => t.health !== 'up')
      throw new Error(`${String(error)}; not up: ${JSON.stringify(down.map((t) => [t.labels['job'], t.lastError]))}`)
    })
    expect([...new Set(targets.map((target) => target.labels['job']))].sort()).toEqual([...expectedJobs].sort())
  }, 60_000)

  test('each job reports up = 1 for its target', async () => {
    const upJobs = (await query('up == 1')).map((sample) => sample.labels['job'])
    for (const job of expectedJobs) expect(upJobs).toContain(job)
  }, 60_000)

  test('the Kafka JMX agent exports log end offsets per topic partition', async () => {
    const offsets = await eventually(() => query('kafka_log_end_offset{topic="commerce.order.events"}'), {
      timeoutMs: 45_000,
      what: 'kafka_log_end_offset',
    })
    expect(offsets.map((sample) => sample.labels['partition']).sort()).toEqual(['0', '1', '2'])
    expect(await single('kafka_controller_active_controllers')).toBe(1)
  }, 60_000)

  test('the Connect JMX agent exports the outbox connector task as running and Debezium as connected', async () => {
    expect(await single('kafka_connect_task_status{connector="outbox-mariadb", task="0", status="running"}')).toBe(1)
    expect(await single('debezium_streaming_connected{server="cdc.mariadb"}')).toBe(1)
    expect(await single('debezium_streaming_events_seen_total{server="cdc.mariadb"}')).toBeGreaterThan(0)
  }, 60_000)

  test('the Redis and MySQL exporters reach their servers', async () => {
    expect(await single('redis_up{job="redis"}')).toBe(1)
    expect(await single('mysql_up{job="mariadb"}')).toBe(1)
  }, 60_000)

  test("a service's own metrics carry its service label", async () => {
    expect(await single('process_cpu_seconds_total{job="order", service="order"}')).toBeGreaterThan(0)
  }, 60_000)
})
