import { describe, expect, test } from 'bun:test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { metricNames } from '../promql/metric-names'
import { dashboards, renderGrafanaFiles } from './render'

const committed = (path: string) => readFileSync(join(import.meta.dir, path), 'utf8')

describe('Grafana provisioning', () => {
  test('when the generator runs, then every committed file is exactly its output (run bun run grafana:generate)', () => {
    const files = renderGrafanaFiles()
    const onDisk = readdirSync(join(import.meta.dir, 'dashboards')).map((name) => `dashboards/${name}`)
    expect(onDisk.sort()).toEqual(
      Object.keys(files)
        .filter((path) => path.startsWith('dashboards/'))
        .sort(),
    )
    for (const [path, content] of Object.entries(files))
      expect({ path, content: committed(path) }).toEqual({ path, content })
  })

  test('when dashboards are defined, then the five of the issue exist with unique uids', () => {
    expect(dashboards.map((spec) => spec.uid)).toEqual([
      'commerce-overview',
      'commerce-saga',
      'commerce-cdc',
      'commerce-stock',
      'commerce-infra',
    ])
  })

  test('when a panel has queries, then each reads the provisioned datasource and names at least one metric', () => {
    for (const path of Object.keys(renderGrafanaFiles()).filter((p) => p.endsWith('.json'))) {
      const dashboard = JSON.parse(committed(path)) as {
        panels: { type: string; title: string; targets?: { expr: string; datasource: { uid: string } }[] }[]
      }
      for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) {
        expect({ panel: panel.title, queries: panel.targets?.length ?? 0 }).not.toEqual({
          panel: panel.title,
          queries: 0,
        })
        for (const target of panel.targets ?? []) {
          expect(target.datasource.uid).toBe('prometheus')
          expect({ panel: panel.title, names: metricNames(target.expr).length > 0 }).toEqual({
            panel: panel.title,
            names: true,
          })
        }
      }
    }
  })
})
