import { describe, expect, test } from 'bun:test'
import { findBreakpoint, isBroken, type StepResult, stepRates } from './breakpoint'
import { aSummary } from './testing'

const step = (rate: number, summary: Parameters<typeof aSummary>[0]): StepResult => ({
  rate,
  summary: aSummary({ rate, ...summary }),
  cpu: [],
})

describe('breakpoint detection', () => {
  test('when p99 passes 500 ms or errors pass 1 %, then the step is broken; at exactly the limits it is not', () => {
    expect([
      isBroken({ p99: 500, errorPercent: 1 }),
      isBroken({ p99: 500.1, errorPercent: 0 }),
      isBroken({ p99: 20, errorPercent: 1.01 }),
    ]).toEqual([false, true, true])
  })

  test('when a step breaks, then it is the breakpoint and the highest passing step is the last one before it that met the target', () => {
    const steps = [
      step(20, {}),
      step(40, { p95: 45 }),
      step(60, { p95: 80, passed: false }),
      step(80, { p99: 620, passed: false }),
      step(100, { p99: 300, passed: true }),
    ]

    const { breakpoint, highestPassing } = findBreakpoint(steps)

    expect([breakpoint?.rate, highestPassing?.rate]).toEqual([80, 40])
  })

  test('when no step breaks, then there is no breakpoint; when none met the target, there is no passing rate', () => {
    expect(findBreakpoint([step(20, {}), step(40, {})]).breakpoint).toBeUndefined()
    expect(findBreakpoint([step(20, { passed: false, errorPercent: 2 })])).toEqual({
      breakpoint: expect.objectContaining({ rate: 20 }),
      highestPassing: undefined,
    })
  })
})

describe('stepRates', () => {
  test('when stepping from 20 to 100 by 30, then the last rate is the last one not past 100', () => {
    expect(stepRates(20, 100, 30)).toEqual([20, 50, 80])
  })

  test('when the steps make no sense (zero step, falling range), then it refuses', () => {
    expect(() => stepRates(20, 100, 0)).toThrow('bad steps')
    expect(() => stepRates(100, 20, 10)).toThrow('bad steps')
  })
})
