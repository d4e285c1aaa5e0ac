import { inSpan, SpanKind } from '../tracing/index'
import type { Db, Tx } from './types'

type Schema = Record<string, unknown>

const attributes = () => ({ 'db.system.name': 'mariadb', 'db.operation.name': 'TRANSACTION' })

/**
 * `db.transaction(fn)` inside a span, a child of `parent` (the edge's `traceparent`); `fn` gets the transaction and the
 * span's `traceparent`, which the events it appends to the outbox carry (their consumers continue the trace from here).
 */
export function tracedTransaction<S extends Schema, T>(
  db: Db<S>,
  parent: string | undefined,
  fn: (tx: Tx<S>, traceparent: string | undefined) => Promise<T>,
): Promise<T> {
  const span = { name: 'db transaction', kind: SpanKind.INTERNAL, parent, attributes }
  return inSpan(span, (_, traceparent) => db.transaction((tx) => fn(tx, traceparent)))
}
