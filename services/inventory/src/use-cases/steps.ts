import type { AnyTx } from '@commerce/platform/db'
import type { InventoryDb, InventoryTx } from '../db'
import type { StockStore } from '../db/stock-store'
import type { FaultHook } from './fault-points'

/**
 * How a stock use case reaches MariaDB around its Redis script: `read` for a look before it (no
 * transaction), `finalStep` for
 * the transaction that records the outcome. A consumer passes the runner's (the inbox row joins the final step); a
 * job or a route passes plain transactions (`transactionSteps`). Neither holds a transaction open across the script.
 */
export interface Steps {
  read<T>(fn: (db: AnyTx) => Promise<T>): Promise<T>
  step<T>(fn: (tx: AnyTx) => Promise<T>): Promise<T>
  finalStep<T>(fn: (tx: AnyTx) => Promise<T>): Promise<T>
}

/** What a stock use case works with: MariaDB steps, the Redis scripts, and the test-only fault hook. */
export interface StockContext {
  steps: Steps
  store: StockStore
  fault?: FaultHook
}

/** Steps that are plain transactions on `db`. */
export function transactionSteps(db: InventoryDb): Steps {
  const run = <T>(fn: (tx: AnyTx) => Promise<T>) => db.transaction((tx) => fn(tx as AnyTx))
  return { read: (fn) => fn(db as unknown as AnyTx), step: run, finalStep: run }
}

/** The inventory transaction behind a step's generic one. */
export const inventoryTx = (tx: AnyTx) => tx as unknown as InventoryTx
