// Grafana dashboard JSON (schema 39) from a few builders: every panel reads the one provisioned Prometheus datasource,
// and the layout is computed (rows of full width, panels flowing left to right), so a dashboard is a list of panels.

/** The datasource provisioning/datasources/prometheus.yaml declares; every panel and query names it by uid. */
export const prometheusDatasource = { type: 'prometheus', uid: 'prometheus' } as const

/** One query: its PromQL and the legend each series gets (`{{label}}` templates). */
export interface Query {
  expr: string
  legend: string
}

export interface PanelOptions {
  /** Grafana unit id: `s`, `reqps`, `percentunit`, `bytes`, `short`, `ops`, `none`. */
  unit?: string
  description?: string
  /** Stacked areas (parts of a whole, e.g. open sagas by state). */
  stacked?: boolean
  /** Width in grid columns (of 24); timeseries default 12, stats 6. */
  width?: number
}

/** A panel before layout: what it shows, not where. */
export type PanelSpec =
  | { kind: 'row'; title: string }
  | { kind: 'timeseries' | 'stat'; title: string; queries: Query[]; options: PanelOptions }

export const row = (title: string): PanelSpec => ({ kind: 'row', title })

export const timeseries = (title: string, queries: Query[], options: PanelOptions = {}): PanelSpec => ({
  kind: 'timeseries',
  title,
  queries,
  options,
})

export const stat = (title: string, query: Query, options: PanelOptions = {}): PanelSpec => ({
  kind: 'stat',
  title,
  queries: [query],
  options,
})

/** `histogram_quantile(q, …)` over a histogram's buckets (optionally only those matching `matchers`), by labels. */
export const quantile = (q: number, histogram: string, options: { by: string[]; matchers?: string }): string => {
  const selector = `${histogram}_bucket${options.matchers ? `{${options.matchers}}` : ''}`
  return `histogram_quantile(${q}, sum by (${[...options.by, 'le'].join(', ')}) (rate(${selector}[$__rate_interval])))`
}

export interface DashboardSpec {
  uid: string
  title: string
  description: string
  tags: string[]
  panels: PanelSpec[]
}

const heights = { row: 1, timeseries: 8, stat: 4 } as const

/** The dashboard JSON Grafana provisions: ids and grid positions assigned in order. */
export function renderDashboard(spec: DashboardSpec) {
  let x = 0
  let y = 0
  let lineHeight = 0
  const panels = spec.panels.map((panel, index) => {
    const width = panel.kind === 'row' ? 24 : (panel.options.width ?? (panel.kind === 'stat' ? 6 : 12))
    if (x + width > 24 || panel.kind === 'row') {
      y += lineHeight
      x = 0
      lineHeight = 0
    }
    const gridPos = { h: heights[panel.kind], w: width, x, y }
    x += width
    lineHeight = Math.max(lineHeight, gridPos.h)
    return renderPanel(panel, { id: index + 1, gridPos })
  })
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: spec.tags,
    editable: false,
    schemaVersion: 39,
    version: 1,
    timezone: 'utc',
    time: { from: 'now-1h', to: 'now' },
    refresh: '30s',
    annotations: { list: [] },
    templating: { list: [] },
    panels,
  }
}

function renderPanel(panel: PanelSpec, place: { id: number; gridPos: object }) {
  if (panel.kind === 'row') return { ...place, type: 'row', title: panel.title, collapsed: false, panels: [] }
  const { unit = 'short', description, stacked = false } = panel.options
  return {
    ...place,
    type: panel.kind,
    title: panel.title,
    ...(description ? { description } : {}),
    datasource: prometheusDatasource,
    fieldConfig: {
      defaults: {
        unit,
        ...(panel.kind === 'timeseries'
          ? { custom: { fillOpacity: stacked ? 30 : 10, stacking: { mode: stacked ? 'normal' : 'none' } } }
          : {}),
      },
      overrides: [],
    },
    options:
      panel.kind === 'timeseries'
        ? { legend: { displayMode: 'list', placement: 'bottom' }, tooltip: { mode: 'multi', sort: 'desc' } }
        : { reduceOptions: { calcs: ['lastNotNull'] }, colorMode: 'value', graphMode: 'area' },
    targets: panel.queries.map((query, index) => ({
      refId: String.fromCharCode(65 + index),
      datasource: prometheusDatasource,
      expr: query.expr,
      legendFormat: query.legend,
      range: true,
    })),
  }
}
