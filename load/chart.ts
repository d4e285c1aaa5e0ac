import type { CpuSample } from './cpu-sampler'
import { meanCores } from './cpu-sampler'
import { type ArtilleryResult, errorsOf, type RunSummary } from './result'

/**
 * The run as one self-contained HTML page (inline SVG, no scripts, no CDN): latency p50/p95/p99, throughput and
 * errors per Artillery period, and CPU per process group from the sampler.
 */
export interface Series {
  name: string
  color: string
  points: [number, number][]
}

const width = 900
const height = 240
const pad = { left: 60, right: 170, top: 30, bottom: 30 }
export const palette = [
  '#1f77b4',
  '#ff7f0e',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
]

export const escapeHtml = (s: string) =>
  s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c)

/**
 * One SVG line chart with a legend; `axes` names the y unit and the x axis (seconds into the run unless told), and
 * `xTicks` marks values on the x axis (the steps of a breakpoint search, with a dot on each point).
 */
export function lineChart(title: string, series: Series[], axes: { y: string; x?: string; xTicks?: number[] }): string {
  const unit = axes.y
  const xLabel = axes.x ?? 'seconds into the run'
  const all = series.flatMap((s) => s.points)
  if (all.length === 0) return `<h3>${escapeHtml(title)}</h3><p>no data</p>`
  const maxX = Math.max(...all.map(([x]) => x), 1)
  const maxY = Math.max(...all.map(([, y]) => y), 1) * 1.1
  const x = (v: number) => pad.left + (v / maxX) * (width - pad.left - pad.right)
  const y = (v: number) => height - pad.bottom - (v / maxY) * (height - pad.top - pad.bottom)
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const v = maxY * f
    return `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${pad.left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${v.toFixed(v < 10 ? 2 : 0)}</text>`
  })
  const lines = series.map((s, n) => {
    const path = s.points.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ')
    const legendY = pad.top + n * 16
    return `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${path}"/><rect x="${width - pad.right + 10}" y="${legendY - 9}" width="10" height="10" fill="${s.color}"/><text x="${width - pad.right + 24}" y="${legendY}" font-size="12">${escapeHtml(s.name)}</text>`
  })
  const ticks = (axes.xTicks ?? []).map(
    (t) =>
      `<text x="${x(t).toFixed(1)}" y="${height - pad.bottom + 14}" text-anchor="middle" font-size="11">${t}</text>`,
  )
  const dots = axes.xTicks
    ? series.flatMap((s) =>
        s.points.map(
          ([px, py]) => `<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3" fill="${s.color}"/>`,
        ),
      )
    : []
  const axis = `${ticks.join('')}${dots.join('')}<text x="${width - pad.right}" y="${height - 8}" text-anchor="end" font-size="11">${escapeHtml(xLabel)} (max ${maxX.toFixed(0)})</text><text x="8" y="${pad.top - 12}" font-size="11">${escapeHtml(unit)}</text>`
  return `<h3>${escapeHtml(title)}</h3><svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" font-family="sans-serif"><title>${escapeHtml(title)}</title>${grid.join('')}${lines.join('')}${axis}</svg>`
}

const periodStart = (p: { period: number | string }) => Number(p.period)

export function renderChart(input: { summary: RunSummary; result: ArtilleryResult; cpu: CpuSample[] }): string {
  const { summary, result, cpu } = input
  const periods = [...result.intermediate].sort((a, b) => periodStart(a) - periodStart(b))
  const t0 = periods.length ? periodStart(periods[0] as { period: number }) : 0
  const seconds = (p: { period: number | string }) => (periodStart(p) - t0) / 1000
  const latency = (['p50', 'p95', 'p99'] as const).map((q, n) => ({
    name: `${q} ms`,
    color: palette[n] as string,
    points: periods.map((p) => [seconds(p), p.summaries['http.response_time']?.[q] ?? 0] as [number, number]),
  }))
  const periodS = 10
  const throughput: Series[] = [
    {
      name: 'requests/s',
      color: palette[3] as string,
      points: periods.map((p) => [seconds(p), (p.counters['http.requests'] ?? 0) / periodS]),
    },
  ]
  const errors: Series[] = [
    {
      name: 'errors/s',
      color: palette[2] as string,
      points: periods.map((p) => [seconds(p), Object.values(errorsOf(p)).reduce((a, b) => a + b, 0) / periodS]),
    },
  ]
  const groups = meanCores(cpu)
    .map(([group]) => group)
    .filter((g) => !g.startsWith('other'))
  const cpuStart = cpu[0]?.at ?? 0
  const cpuSeries = groups.slice(0, palette.length).map((group, n) => ({
    name: group,
    color: palette[n] as string,
    points: cpu.map((s) => [(s.at - cpuStart) / 1000, s.cores[group] ?? 0] as [number, number]),
  }))
  const verdict = summary.passed ? 'PASS' : 'FAIL'
  const head = `<h1>Load run: ${escapeHtml(summary.scenario)} at ${summary.rate} arrivals/s for ${summary.durationS} s — ${verdict}</h1>
<p>${summary.requests} requests, ${summary.requestsPerSecond.toFixed(1)} req/s, p50 ${summary.p50} ms, p95 ${summary.p95} ms, p99 ${summary.p99} ms, errors ${summary.errorPercent.toFixed(3)} %.</p>`
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>load ${escapeHtml(summary.scenario)}</title></head><body style="font-family:sans-serif">${head}${lineChart('Latency per 10 s period', latency, { y: 'ms' })}${lineChart('Throughput', throughput, { y: 'requests/s' })}${lineChart('Errors', errors, { y: 'errors/s' })}${lineChart('CPU per process group', cpuSeries, { y: 'cores' })}</body></html>\n`
}
