import { eventually } from '@commerce/platform/testing'
import { chaosConfig } from './config'
import { orderRows } from './database'
import { deadLetterEnds, deadLettersSince } from './dead-letters'
import { allTerminal, lostEvents, sagaViolations, stockViolations } from './invariants'
import { stackHealthy, stackRecovered } from './stack'
import { type Saga, type Stage, setStage, startSagas } from './workload'

/** Every invariant a fault run checks, each a list of what broke it (empty = held). */
export interface Violations {
  /** Oversell, unconserved stock, Redis ≠ balance ≠ ledger, units left reserved. */
  stock: string[]
  /** Double charges, charges not given back, an order disagreeing with its payment, the PG or its reservation. */
  sagas: string[]
  /** Outbox events some consuming service never took. */
  events: string[]
  /** Dead-letter partitions that received records during the run. */
  deadLetters: string[]
}

export const noViolations: Violations = { stock: [], sagas: [], events: [], deadLetters: [] }

export interface FaultReport {
  fault: string
  sagas: number
  outcomes: Record<string, number>
  /** From the fault to the stack recovered (component or service back, connectors RUNNING). */
  downMs: number
  /** From recovery to the last saga terminal. */
  terminalAfterMs: number
  violations: Violations
}

/** How long the services get, once every saga ended, to finish their side effects (releases, inbox rows). */
const settleMs = 60_000

/** Where a run started: its clock and each dead-letter partition's end. */
export interface RunStart {
  at: Date
  deadLetters: Awaited<ReturnType<typeof deadLetterEnds>>
}

/** Every invariant over a run's sagas and shelf, given the effects time to land; what still breaks after that. */
export async function violationsOf(stage: Stage, sagas: Saga[], started: RunStart): Promise<Violations> {
  const orderIds = sagas.map((s) => s.order.orderId)
  const skuIds = stage.shelf.skus.map((s) => s.skuId)
  const check = async (): Promise<Violations> => {
    const [stock, sagaProblems, events, deadLetters] = await Promise.all([
      stockViolations(skuIds, orderIds),
      sagaViolations(orderIds),
      lostEvents(started.at),
      deadLettersSince(started.deadLetters),
    ])
    return { stock, sagas: sagaProblems, events, deadLetters }
  }
  let last: Violations | undefined
  try {
    // Effects trail the order's end (a release, an inbox row): wait for them, then report what still breaks.
    return await eventually(
      async () => {
        last = await check()
        return Object.values(last).every((list) => list.length === 0) && last
      },
      { what: 'every invariant', timeoutMs: settleMs, intervalMs: 1000 },
    )
  } catch {
    return last ?? (await check())
  }
}

export async function watchFrom(): Promise<RunStart> {
  return { at: new Date(), deadLetters: await deadLetterEnds() }
}

/** Waits until a quarter of the sagas got past placement (reserved or settled), so the fault hits them mid-flight. */
async function underway(sagas: Saga[]): Promise<void> {
  const ids = sagas.map((s) => s.order.orderId)
  await eventually(
    async () => (await orderRows(ids)).filter((o) => o.status !== 'CREATED').length >= Math.ceil(sagas.length / 4),
    { what: 'sagas under way', timeoutMs: 60_000, intervalMs: 250 },
  )
}

/**
 * One fault run (issue 14 §2): CHAOS_SAGAS sagas with a mix of outcomes in flight, then `fault` (which returns once
 * the broken piece is back), then: every saga terminal within CHAOS_TERMINAL_MS of recovery, and every invariant
 * checked with the same code. Leaves the stack healthy and caught up for the next run.
 */
export async function runThroughFault(fault: string, inject: () => Promise<void>): Promise<FaultReport> {
  const count = chaosConfig.CHAOS_SAGAS
  await stackHealthy()
  const stage = await setStage(count)
  const started = await watchFrom()
  const { sagas, driven } = await startSagas(stage, count)
  await underway(sagas)
  const faultAt = performance.now()
  await inject()
  await stackRecovered()
  const recoveredAt = performance.now()
  const ends = await allTerminal(
    sagas.map((s) => s.order.orderId),
    chaosConfig.CHAOS_TERMINAL_MS,
  )
  const terminalAfterMs = performance.now() - recoveredAt
  await driven
  await stackHealthy()
  const outcomes: Record<string, number> = {}
  for (const end of ends) outcomes[end.status] = (outcomes[end.status] ?? 0) + 1
  const report = {
    fault,
    sagas: count,
    outcomes,
    downMs: Math.round(recoveredAt - faultAt),
    terminalAfterMs: Math.round(terminalAfterMs),
    violations: await violationsOf(stage, sagas, started),
  }
  console.log(`chaos ${JSON.stringify({ ...report, violations: undefined })}`)
  return report
}
