import { describe, expect, test } from 'bun:test'
import { resultFromConsole } from './console-result'

const block = (end: string, input: { requests: number; p95: number; p99: number; timeouts?: number }) =>
  [
    `Metrics for period to: ${end}(+0000) (width: 9.99s)`,
    '--------------------------------------',
    '',
    ...(input.timeouts ? [`errors.ETIMEDOUT: ........ ${input.timeouts}`] : []),
    'http.request_rate: ....................... 359/sec',
    `http.requests: ........................... ${input.requests}`,
    'http.response_time:',
    '  min: ..................................... 0',
    `  max: ..................................... ${input.p99 + 100}`,
    '  mean: .................................... 56.7',
    '  median: .................................. 32.8',
    `  p95: ..................................... ${input.p95}`,
    `  p99: ..................................... ${input.p99}`,
    `http.responses: .......................... ${input.requests}`,
    'saga.approve.CONFIRMED: .................. 40',
    '',
  ].join('\n')

describe('resultFromConsole', () => {
  test('when the console holds two periods, then each is rebuilt exactly and the whole run sums counters and weighs percentiles by requests', () => {
    const text = `Phase started\n${block('05:05:00', { requests: 300, p95: 100, p99: 200 })}${block('05:05:10', { requests: 100, p95: 300, p99: 600, timeouts: 4 })}`

    const result = resultFromConsole(text, '2026-12-05')

    expect({
      periods: result.intermediate.map((p) => [
        p.period,
        p.counters['http.requests'],
        p.summaries['http.response_time'],
      ]),
      counters: result.aggregate.counters,
      latency: result.aggregate.summaries['http.response_time'],
    }).toEqual({
      periods: [
        [Date.parse('2026-12-05T05:04:50Z'), 300, { count: 0, p50: 32.8, p95: 100, p99: 200, max: 300 }],
        [Date.parse('2026-12-05T05:05:00Z'), 100, { count: 0, p50: 32.8, p95: 300, p99: 600, max: 700 }],
      ],
      counters: { 'http.requests': 400, 'http.responses': 400, 'saga.approve.CONFIRMED': 80, 'errors.ETIMEDOUT': 4 },
      latency: { count: 400, p50: 32.8, p95: 150, p99: 300, max: 700 },
    })
  })
})
