import type { StockStore } from '../db/stock-store'
import type { FaultHook } from '../use-cases/fault-points'
import type { InjectedFaults } from '../use-cases/injected-faults'

/** What inventory's handlers need besides the runner's steps. */
export interface HandlerDeps {
  store: StockStore
  /** How long a reservation holds (INVENTORY_RESERVATION_TTL_S). */
  reservationTtlMs: number
  fault: FaultHook
  /** Test-only fault switches; undefined unless INVENTORY_FAULTS_ENABLED. */
  faults?: InjectedFaults | undefined
}
