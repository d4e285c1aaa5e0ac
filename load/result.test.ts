import { describe, expect, test } from 'bun:test'
import { summarize, withSagaCheck } from './result'
import { mixedThresholds } from './scenarios'
import { anArtilleryResult } from './testing'

const run = { scenario: 'mixed', rate: 20, durationS: 10 }
const limits = {
  overall: mixedThresholds,
  journeys: {
    browse: { p95: 50, p99: 150, maxErrorPercent: 0.1 },
    checkout: { p95: 150, p99: 400, maxErrorPercent: 0.1 },
    login: { p95: 300, p99: 600, maxErrorPercent: 0.1 },
  },
}

describe('summarize: the threshold verdict', () => {
  test('when every tail and error rate is within its limits, then the run passes with the journeys that ran', () => {
    const summary = summarize(anArtilleryResult({ p95: 40, p99: 120 }), run, limits)

    expect({
      passed: summary.passed,
      requestsPerSecond: summary.requestsPerSecond,
      journeys: summary.journeys.map((j) => [j.name, j.passed]),
      sagas: summary.saga.outcomes,
    }).toEqual({
      passed: true,
      requestsPerSecond: 110,
      journeys: [
        ['browse', true],
        ['checkout', true],
      ],
      sagas: { 'approve.CONFIRMED': 8, 'decline.CANCELLED': 1 },
    })
  })

  test('when the overall p95 is over its limit, then the run fails though every journey passes', () => {
    const summary = summarize(anArtilleryResult({ p95: 51, p99: 120 }), run, {
      ...limits,
      journeys: { browse: { p95: 60, p99: 150, maxErrorPercent: 0.1 } },
    })

    expect([summary.passed, summary.journeys.map((j) => j.passed)]).toEqual([false, [true]])
  })

  test('when errors reach the limit (0.1 % is not below 0.1 %), then the journey and the run fail, errors filed by kind', () => {
    const summary = summarize(anArtilleryResult({ p95: 10, p99: 20, browse500s: 1 }), run, {
      ...limits,
      overall: { ...mixedThresholds, maxErrorPercent: 1 },
    })

    expect({
      passed: summary.passed,
      browse: summary.journeys.find((j) => j.name === 'browse')?.errorPercent,
      errorsByKind: summary.errorsByKind,
    }).toEqual({ passed: false, browse: 0.1, errorsByKind: { 'browse 500': 1 } })
  })
})

describe('withSagaCheck', () => {
  const check = { placed: 9, terminal: 9, asIntended: 9, ends: {}, waitedS: 1, allCompleted: true }

  test('when every saga ended as intended, then the verdict stands and the check is in the summary', () => {
    const summary = withSagaCheck(summarize(anArtilleryResult({ p95: 40, p99: 120 }), run, limits), check)

    expect([summary.passed, summary.saga.check]).toEqual([true, check])
  })

  test('when a saga did not end as intended, then a run within every latency limit fails', () => {
    const summary = summarize(anArtilleryResult({ p95: 40, p99: 120 }), run, limits)

    expect(withSagaCheck(summary, { ...check, asIntended: 8, allCompleted: false }).passed).toBe(false)
  })
})
