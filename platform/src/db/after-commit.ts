import type { Db } from './types'

type Callbacks = (() => void)[]

// The callbacks of each open transaction opened through a `withAfterCommit` database, by its handle.
const pending = new WeakMap<object, Callbacks>()

/**
 * Runs `fn` once the transaction `tx` has committed, and never when it rolls back: for counting what really happened
 * (a metric bumped inside a transaction that then rolls back, or is retried, would count twice). `fn` must not throw
 * and must not touch the database. `tx` must come from a database made by `createDb`.
 */
export function afterCommit(tx: object, fn: () => void): void {
  const callbacks = pending.get(tx)
  if (!callbacks) throw new Error('afterCommit: the transaction was not opened by a createDb database')
  callbacks.push(fn)
}

type Transaction = (work: (tx: object) => Promise<unknown>, config?: unknown) => Promise<unknown>

/** Makes `db.transaction` (and savepoints inside it) collect `afterCommit` callbacks and run them after the commit. */
export function withAfterCommit<D extends Db>(db: D): D {
  const original = (db.transaction as unknown as Transaction).bind(db)
  const transaction: Transaction = async (work, config) => {
    const callbacks: Callbacks = []
    const result = await original((tx) => {
      track(tx, callbacks)
      return work(tx)
    }, config)
    for (const fn of callbacks) {
      try {
        fn()
      } catch {
        // The work committed: a failing bookkeeping callback must not make the caller believe it did not.
      }
    }
    return result
  }
  ;(db as unknown as { transaction: Transaction }).transaction = transaction
  return db
}

// A savepoint hands its callbacks to the enclosing transaction: they run when that one commits.
function track(tx: object, callbacks: Callbacks): void {
  pending.set(tx, callbacks)
  const holder = tx as { transaction: Transaction }
  const nested = holder.transaction.bind(tx)
  holder.transaction = (work, config) =>
    nested((inner) => {
      track(inner, callbacks)
      return work(inner)
    }, config)
}
