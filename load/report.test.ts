import { describe, expect, test } from 'bun:test'
import type { StepResult } from './breakpoint'
import { breakpointVerdict, renderBreakpointChart } from './breakpoint-report'
import { sagaCheckLines } from './report'
import { aSummary } from './testing'

const step = (rate: number, summary: Parameters<typeof aSummary>[0]): StepResult => ({
  rate,
  summary: aSummary({ rate, requestsPerSecond: rate * 3.5, ...summary }),
  cpu: [
    ['load generator', 0.5],
    ['mariadb', 0.1],
  ],
})
const run = { scenario: 'mixed', stepS: 60, steps: [step(20, {}), step(40, { passed: false }), step(60, { p99: 700 })] }

describe('breakpoint report', () => {
  test('when a step broke, then the verdict names its arrival rate and req/s and the highest passing step', () => {
    expect(breakpointVerdict(run)).toEqual([
      '**Breakpoint: 60 arrivals/s, 210.0 req/s** (p99 700 ms, errors 0.000 %): the first step past p99 500 ms or errors 1 %.',
      'Highest step meeting every target threshold (overall and per journey): **20/s (70 req/s)**.',
    ])
  })

  test('when no step broke, then the verdict says so up to the last step tried', () => {
    expect(breakpointVerdict({ ...run, steps: [step(20, {})] })[0]).toBe(
      'No breakpoint up to 20/s (70 req/s): p99 stayed ≤ 500 ms and errors ≤ 1 %.',
    )
  })

  test('when charted, then the page is self-contained and plots each measure and CPU group by arrival rate', () => {
    const html = renderBreakpointChart(run)

    expect({
      svgs: html.match(/<svg /g)?.length,
      scripts: html.includes('<script'),
      legends: ['p99 ms', 'requests/s', 'errors %', 'load generator', 'mariadb'].every((s) => html.includes(s)),
      axis: html.includes('arrival rate (arrivals/s) (max 60)'),
    }).toEqual({ svgs: 4, scripts: false, legends: true, axis: true })
  })
})

describe('sagaCheckLines', () => {
  test('when every saga completed, then the line says so with the counts and a row per outcome', () => {
    const lines = sagaCheckLines({
      placed: 3,
      terminal: 3,
      asIntended: 3,
      ends: { approve: { 'CONFIRMED / APPROVED': 2 }, cancel: { 'CANCELLED / 404': 1 } },
      waitedS: 2,
      allCompleted: true,
    })

    expect(
      lines.filter((l) => l.startsWith('Saga check') || l.startsWith('| approve') || l.startsWith('| cancel')),
    ).toEqual([
      "Saga check after the run (every placed order and its payment read back through the gateway, waited 2 s): every checkout's saga completed as its buyer drove it: 3 of 3.",
      '| approve | CONFIRMED / APPROVED | CONFIRMED / APPROVED: 2 |',
      '| cancel | CANCELLED / CANCELED or 404 | CANCELLED / 404: 1 |',
    ])
  })

  test('when a saga did not complete, then the line says NOT with how many did', () => {
    const lines = sagaCheckLines({ placed: 3, terminal: 2, asIntended: 1, ends: {}, waitedS: 120, allCompleted: false })

    expect(lines[0]).toContain('NOT every saga completed: 1 of 3 as intended, 2 terminal')
  })
})
