// The dashboard-metric check (issue 13 §1): a dashboard panel or an alert rule that queries a metric no running
// target exposes fails here. The targets are the ones the stack's Prometheus scrapes; each is scraped directly, so a
// metric counts as soon as it is declared (# TYPE), before its first sample.
import { describe, expect, test } from 'bun:test'
import { exposedNames, prometheusSyntheticNames } from '../../observability/promql/exposition'
import { dashboardQueries, queriedMetrics, recordedNames, ruleQueries } from '../../observability/queried-metrics'

const prometheusUrl = process.env['PROMETHEUS_URL'] ?? 'http://127.0.0.1:9090'

interface ActiveTarget {
  scrapeUrl: string
  health: string
  labels: { job?: string }
}

async function activeTargets(): Promise<ActiveTarget[]> {
  const response = await fetch(`${prometheusUrl}/api/v1/targets?state=active`, {
    signal: AbortSignal.timeout(5_000),
  }).catch((error: unknown) => {
    throw new Error(`Prometheus does not answer at ${prometheusUrl} (npm run up starts it; PROMETHEUS_URL)`, {
      cause: error,
    })
  })
  const body = (await response.json()) as { data: { activeTargets: ActiveTarget[] } }
  return body.data.activeTargets
}

/** What each target exposes now, and the targets that did not answer. */
async function scrapeAll(targets: ActiveTarget[]) {
  const exposed = new Set<string>(prometheusSyntheticNames)
  const unreachable: string[] = []
  await Promise.all(
    targets.map(async (target) => {
      try {
        const response = await fetch(target.scrapeUrl, {
          headers: { accept: 'text/plain;version=0.0.4' },
          signal: AbortSignal.timeout(10_000),
        })
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        for (const name of exposedNames(await response.text())) exposed.add(name)
      } catch (error) {
        unreachable.push(`${target.labels.job} ${target.scrapeUrl}: ${error instanceof Error ? error.message : error}`)
      }
    }),
  )
  return { exposed, unreachable: unreachable.sort() }
}

describe('dashboard-metric check', () => {
  test('when every dashboard panel and alert rule is read, then each metric it queries is exposed by a running target', async () => {
    const targets = await activeTargets()
    expect(targets.length).toBeGreaterThan(0)
    const { exposed, unreachable } = await scrapeAll(targets)
    for (const name of recordedNames()) exposed.add(name)

    const queried = queriedMetrics([...dashboardQueries(), ...ruleQueries()])
    const missing = Object.fromEntries([...queried].filter(([name]) => !exposed.has(name)))

    // Unreachable targets are shown for context (their metrics are then missing too); the check is on names.
    expect({ missing, unreachable }).toEqual({ missing: {}, unreachable })
  }, 60_000)

  test('when each panel query is sent to Prometheus (Grafana variables filled in), then Prometheus accepts it', async () => {
    const refused: string[] = []
    for (const place of dashboardQueries()) {
      const query = place.expr.replace(/\$__(rate_interval|interval|range)/g, '5m')
      const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`, {
        signal: AbortSignal.timeout(10_000),
      })
      const body = (await response.json()) as { status: string; error?: string }
      if (body.status !== 'success') refused.push(`${place.where}: ${body.error}`)
    }
    expect(refused).toEqual([])
  }, 60_000)
})
