/** Nearest-rank percentiles of a latency sample, in milliseconds. */
export interface Summary {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN }
}

const fmt = (n: number) => n.toFixed(1).padStart(8)

export function formatTable(rows: [string, Summary][]): string {
  const head = `${'run'.padEnd(42)}${'count'.padStart(7)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}  (ms)`
  const lines = rows.map(
    ([name, s]) =>
      `${name.padEnd(42)}${String(s.count).padStart(7)}${fmt(s.p50)}${fmt(s.p95)}${fmt(s.p99)}${fmt(s.max)}`,
  )
  return [head, ...lines].join('\n')
}

/** Wall-clock milliseconds with sub-millisecond resolution; one process stamps and reads, so one clock. */
export const nowMs = () => performance.timeOrigin + performance.now()
