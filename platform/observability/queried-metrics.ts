// Every metric the repository's dashboards and alert rules query, with where each is queried: the list the
// dashboard-metric check (platform/test/integration/dashboard-metrics.test.ts) compares with what targets expose.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { metricNames } from './promql/metric-names'

const dashboardsDir = join(import.meta.dir, 'grafana', 'dashboards')
const rulesDir = join(import.meta.dir, 'prometheus', 'rules')

interface GrafanaPanel {
  title?: string
  targets?: { expr?: string }[]
  panels?: GrafanaPanel[]
}
interface RuleFile {
  groups?: { rules?: { alert?: string; record?: string; expr?: string }[] }[]
}

/** One PromQL expression and where it lives (`dashboard <uid> / <panel>`, `alert <name>`, `record <name>`). */
export interface QueryPlace {
  where: string
  expr: string
}

/** Every query of every provisioned dashboard (row panels' nested panels included). */
export function dashboardQueries(dir = dashboardsDir): QueryPlace[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const dashboard = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { uid: string; panels?: GrafanaPanel[] }
      const walk = (panels: GrafanaPanel[] = []): QueryPlace[] =>
        panels.flatMap((panel) => [
          ...(panel.targets ?? []).flatMap((t) =>
            t.expr ? [{ where: `dashboard ${dashboard.uid} / ${panel.title}`, expr: t.expr }] : [],
          ),
          ...walk(panel.panels),
        ])
      return walk(dashboard.panels)
    })
}

/** Every alert and recording rule expression of the rule files Prometheus loads. */
export function ruleQueries(dir = rulesDir): QueryPlace[] {
  return ruleFiles(dir).flatMap((file) =>
    (file.groups ?? []).flatMap((group) =>
      (group.rules ?? []).flatMap((rule) =>
        rule.expr ? [{ where: rule.alert ? `alert ${rule.alert}` : `record ${rule.record}`, expr: rule.expr }] : [],
      ),
    ),
  )
}

/** Names recording rules create: queryable although no target exposes them. */
export function recordedNames(dir = rulesDir): string[] {
  return ruleFiles(dir).flatMap((file) =>
    (file.groups ?? []).flatMap((g) => (g.rules ?? []).flatMap((r) => r.record ?? [])),
  )
}

function ruleFiles(dir: string): RuleFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
    .sort()
    .map((name) => Bun.YAML.parse(readFileSync(join(dir, name), 'utf8')) as RuleFile)
}

/** Metric name → the places that query it. */
export function queriedMetrics(places: QueryPlace[]): Map<string, string[]> {
  const byName = new Map<string, string[]>()
  for (const place of places) {
    for (const name of metricNames(place.expr))
      byName.set(name, [...new Set([...(byName.get(name) ?? []), place.where])])
  }
  return byName
}
