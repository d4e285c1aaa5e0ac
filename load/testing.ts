import type { ArtilleryResult, RunSummary } from './result'

/** Made-up runs for the load suite's unit tests: a passing mixed summary to override, and an Artillery result. */
export const aSummary = (overrides: Partial<RunSummary> = {}): RunSummary => ({
  scenario: 'mixed',
  rate: 20,
  durationS: 60,
  requests: 4200,
  requestsPerSecond: 70,
  p50: 2,
  p95: 18,
  p99: 97,
  errors: 0,
  errorPercent: 0,
  errorsByKind: {},
  journeys: [],
  saga: { outcomes: {} },
  thresholds: { p95: 50, p99: 150, maxErrorPercent: 0.1 },
  passed: true,
  ...overrides,
})

const latency = (p95: number, p99: number, count = 1000) => ({ count, p50: 1, p95, p99, max: p99 + 1 })

/** An Artillery result of 1 000 browse and 100 checkout requests with the given tails and errors. */
export const anArtilleryResult = (input: { p95: number; p99: number; browse500s?: number }): ArtilleryResult => ({
  aggregate: {
    period: 0,
    counters: {
      'http.requests': 1100,
      'journey.browse.requests': 1000,
      'journey.checkout.requests': 100,
      ...(input.browse500s ? { 'journey.browse.errors.500': input.browse500s } : {}),
      'saga.approve.CONFIRMED': 8,
      'saga.decline.CANCELLED': 1,
    },
    summaries: {
      'http.response_time': latency(input.p95, input.p99, 1100),
      'journey.browse.response_time': latency(input.p95, input.p99),
      'journey.checkout.response_time': latency(100, 300, 100),
      'saga.duration': { count: 9, p50: 200, p95: 500, p99: 600, max: 700 },
    },
  },
  intermediate: [],
})
