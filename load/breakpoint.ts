import type { RunSummary } from './result'

/**
 * The breakpoint search: a rising open-model arrival rate in steps, each run long enough to be read on its own, until
 * the first step where the tail or the errors give way (issue 14 §1: p99 past 500 ms or errors past 1 %).
 */
export const breakpointLimits = { p99: 500, maxErrorPercent: 1 }

export interface StepResult {
  rate: number
  summary: RunSummary
  /** Mean cores per process group during the step's arrival phase, busiest first. */
  cpu: [string, number][]
}

export const isBroken = (s: Pick<RunSummary, 'p99' | 'errorPercent'>) =>
  s.p99 > breakpointLimits.p99 || s.errorPercent > breakpointLimits.maxErrorPercent

/** The arrival rates to step through: from, from + step, … up to and including `to`. */
export function stepRates(from: number, to: number, step: number): number[] {
  if (!(from > 0 && to >= from && step > 0)) throw new Error(`bad steps: --from ${from} --to ${to} --step ${step}`)
  return Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, n) => from + n * step)
}

/**
 * The first broken step (undefined when none broke up to the last rate tried), and the highest step below it whose
 * numbers meet every threshold of the target (overall and per journey): the rate a long run can hold.
 */
export function findBreakpoint(steps: StepResult[]): { breakpoint?: StepResult; highestPassing?: StepResult } {
  const brokenAt = steps.findIndex((s) => isBroken(s.summary))
  const before = brokenAt === -1 ? steps : steps.slice(0, brokenAt)
  return {
    breakpoint: brokenAt === -1 ? undefined : steps[brokenAt],
    highestPassing: before.filter((s) => s.summary.passed).at(-1),
  }
}
