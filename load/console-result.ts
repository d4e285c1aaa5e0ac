import type { ArtilleryResult, Latency, Period } from './result'

/**
 * Artillery's JSON result is written only when a run ends by itself. When the generator falls so far behind its arrival
 * schedule that the run must be stopped (a rate this machine cannot generate), what is left is the console: a block of
 * counters and summaries per 10 s period. This rebuilds the result from those blocks. Per-period numbers are exact;
 * the whole run's percentiles are approximations: each the request-weighted mean of the periods' (max: the largest).
 */
const periodHeader = /^Metrics for period to: (\d\d):(\d\d):(\d\d)\(\+0000\) \(width: ([\d.]+)s\)$/
const counterLine = /^([\w.\- ]+): \.+ ([\d.]+)(\/sec)?$/
const summaryStart = /^([\w.\- ]+):$/
const statLine = /^ {2}(min|max|mean|median|p95|p99): \.+ ([\d.]+)$/

function parsePeriod(lines: string[], day: string): Period {
  const [, hh, mm, ss] = lines[0]?.match(periodHeader) ?? []
  const end = Date.parse(`${day}T${hh}:${mm}:${ss}Z`)
  const counters: Record<string, number> = {}
  const summaries: Record<string, Latency> = {}
  let open: Latency | undefined
  for (const line of lines.slice(1)) {
    const stat = line.match(statLine)
    if (stat && open) {
      const key = stat[1] === 'median' ? 'p50' : stat[1]
      if (key === 'p50' || key === 'p95' || key === 'p99' || key === 'max') open[key] = Number(stat[2])
      continue
    }
    const counter = line.match(counterLine)
    if (counter?.[1] && !counter[3]) counters[counter[1]] = Number(counter[2])
    const summary = line.match(summaryStart)
    open = summary?.[1] ? { count: 0, p50: 0, p95: 0, p99: 0, max: 0 } : undefined
    if (summary?.[1] && open) summaries[summary[1]] = open
  }
  return { period: end - 10_000, counters, summaries }
}

// How many requests a summary stands for in its period, to weigh it by.
const weightOf = (name: string, counters: Record<string, number>) =>
  name === 'http.response_time'
    ? (counters['http.responses'] ?? 1)
    : (counters[name.replace(/\.response_time$/, '.requests')] ?? 1)

function aggregate(periods: Period[]): Period {
  const counters: Record<string, number> = {}
  const weighted: Record<string, Latency> = {}
  for (const { counters: c, summaries } of periods) {
    for (const [name, n] of Object.entries(c)) counters[name] = (counters[name] ?? 0) + n
    for (const [name, l] of Object.entries(summaries)) {
      const w = weightOf(name, c)
      const sum = weighted[name] ?? { count: 0, p50: 0, p95: 0, p99: 0, max: 0 }
      weighted[name] = {
        count: sum.count + w,
        p50: sum.p50 + w * l.p50,
        p95: sum.p95 + w * l.p95,
        p99: sum.p99 + w * l.p99,
        max: Math.max(sum.max, l.max),
      }
    }
  }
  const round = (v: number) => Math.round(v * 10) / 10
  const summaries = Object.fromEntries(
    Object.entries(weighted).map(([name, s]) => [
      name,
      { ...s, p50: round(s.p50 / s.count), p95: round(s.p95 / s.count), p99: round(s.p99 / s.count) },
    ]),
  )
  return { period: periods[0]?.period ?? 0, counters, summaries }
}

/** The result of a run from its console output; `day` (YYYY-MM-DD, UTC) dates the periods' clock times. */
export function resultFromConsole(text: string, day: string): ArtilleryResult {
  const blocks: string[][] = []
  for (const line of text.split('\n')) {
    if (periodHeader.test(line)) blocks.push([line])
    else blocks.at(-1)?.push(line)
  }
  const intermediate = blocks.map((block) => parsePeriod(block, day))
  return { aggregate: aggregate(intermediate), intermediate }
}
