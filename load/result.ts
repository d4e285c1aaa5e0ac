import type { SagaCheck } from './saga-check'
import type { Thresholds } from './scenarios/journey'

/** Artillery's JSON result (`artillery run --output`): the whole run, and one entry per 10 s period. */
export interface Latency {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
}

export interface Period {
  period: number | string
  counters: Record<string, number>
  summaries: Record<string, Latency>
}

export interface ArtilleryResult {
  aggregate: Period
  intermediate: Period[]
}

export interface JourneyResult {
  name: string
  requests: number
  p50: number
  p95: number
  p99: number
  errorPercent: number
  thresholds: Thresholds
  passed: boolean
}

export interface RunSummary {
  scenario: string
  rate: number
  durationS: number
  requests: number
  requestsPerSecond: number
  p50: number
  p95: number
  p99: number
  errors: number
  errorPercent: number
  errorsByKind: Record<string, number>
  journeys: JourneyResult[]
  /** What the clients saw (`<outcome>.<status>` counts, placed → settled time) and the after-run server-side check. */
  saga: { outcomes: Record<string, number>; p50Ms?: number; p95Ms?: number; check?: SagaCheck }
  thresholds: Thresholds
  passed: boolean
  /** How the run went off its plan, when it did (a run stopped early). */
  note?: string
}

const none: Latency = { count: 0, p50: 0, p95: 0, p99: 0, max: 0 }
const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole)
const within = (l: Latency, errorPercent: number, t: Thresholds) =>
  l.p95 <= t.p95 && l.p99 <= t.p99 && errorPercent < t.maxErrorPercent

/** Errors of a period: responses processor.cjs filed as errors, and requests that got no response (`errors.*`). */
export function errorsOf(period: Period): Record<string, number> {
  const kinds: Record<string, number> = {}
  for (const [name, count] of Object.entries(period.counters)) {
    const http = name.match(/^journey\.([a-z]+)\.errors\.(\d+)$/)
    if (http) kinds[`${http[1]} ${http[2]}`] = (kinds[`${http[1]} ${http[2]}`] ?? 0) + count
    else if (name.startsWith('errors.')) kinds[name.slice('errors.'.length)] = count
  }
  return kinds
}

export function summarize(
  result: ArtilleryResult,
  run: { scenario: string; rate: number; durationS: number },
  limits: { overall: Thresholds; journeys: Record<string, Thresholds> },
): RunSummary {
  const { counters, summaries } = result.aggregate
  const requests = counters['http.requests'] ?? 0
  const errorsByKind = errorsOf(result.aggregate)
  const errors = Object.values(errorsByKind).reduce((a, b) => a + b, 0)
  const latency = summaries['http.response_time'] ?? none
  const journeys = Object.entries(limits.journeys)
    .filter(([name]) => counters[`journey.${name}.requests`])
    .map(([name, thresholds]) => {
      const l = summaries[`journey.${name}.response_time`] ?? none
      const journeyRequests = counters[`journey.${name}.requests`] ?? 0
      const journeyErrors = Object.entries(errorsByKind)
        .filter(([kind]) => kind.startsWith(`${name} `))
        .reduce((a, [, n]) => a + n, 0)
      const errorPercent = percent(journeyErrors, journeyRequests)
      const { p50, p95, p99 } = l
      return {
        name,
        requests: journeyRequests,
        p50,
        p95,
        p99,
        errorPercent,
        thresholds,
        passed: within(l, errorPercent, thresholds),
      }
    })
  const outcomes = Object.fromEntries(
    Object.entries(counters)
      .filter(([name]) => name.startsWith('saga.'))
      .map(([name, n]) => [name.slice('saga.'.length), n]),
  )
  const sagaTime = summaries['saga.duration']
  const errorPercent = percent(errors, requests)
  const overallPassed = within(latency, errorPercent, limits.overall)
  return {
    ...run,
    requests,
    requestsPerSecond: requests / run.durationS,
    p50: latency.p50,
    p95: latency.p95,
    p99: latency.p99,
    errors,
    errorPercent,
    errorsByKind,
    journeys,
    saga: { outcomes, p50Ms: sagaTime?.p50, p95Ms: sagaTime?.p95 },
    thresholds: limits.overall,
    passed: overallPassed && journeys.every((j) => j.passed),
  }
}

/** The summary with the after-run saga check: a run passes only when every checkout's saga ended as intended. */
export const withSagaCheck = (summary: RunSummary, check: SagaCheck): RunSummary => ({
  ...summary,
  saga: { ...summary.saga, check },
  passed: summary.passed && check.allCompleted,
})
