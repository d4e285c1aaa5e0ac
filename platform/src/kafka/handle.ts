import type { CloudEvent, EventDefinition, EventMeta } from '@commerce/contracts'
import type { Static, TSchema } from '@sinclair/typebox'
import type { AnyTx } from '../db/types'
import type { Logger } from '../log/index'

/** What a handler receives besides the event: the runner's transaction and the meta for events it emits. */
export interface HandlerContext {
  tx: AnyTx
  meta: EventMeta
  logger: Logger
}

/**
 * What a handler that calls out (`handle(Def, fn, { callsOut: true })`) receives instead of a transaction: `step`
 * runs a short transaction of its own, `finalStep` runs the last one, in which the runner also writes the inbox row.
 * Nothing is held open during the call between them.
 */
export interface CallOutContext {
  meta: EventMeta
  logger: Logger
  /** A look at the database outside any transaction (one statement, no BEGIN/COMMIT), e.g. "recorded already?". */
  read<T>(fn: (db: AnyTx) => Promise<T>): Promise<T>
  step<T>(fn: (tx: AnyTx) => Promise<T>): Promise<T>
  finalStep<T>(fn: (tx: AnyTx) => Promise<T>): Promise<T>
}

interface HandlerIdentity {
  /** The CloudEvent `type` this handler takes. */
  readonly type: string
  /** The `dataschema` (type and major version) it takes: a v1 handler never sees a v2 event. */
  readonly dataschema: string
  /** The contract check `run` applies before the handler's function: the event with its data checked (ContractViolation). */
  parse(event: CloudEvent<unknown>): CloudEvent<unknown>
}

/** A handler whose function runs inside the runner's transaction, next to the inbox row. */
export interface InTransactionHandler extends HandlerIdentity {
  readonly mode: 'in-transaction'
  run(event: CloudEvent<unknown>, context: HandlerContext): Promise<void>
}

/** A handler that calls out between short transactions of its own; the inbox row goes in its final step. */
export interface CallOutHandler extends HandlerIdentity {
  readonly mode: 'calls-out'
  run(event: CloudEvent<unknown>, context: CallOutContext): Promise<void>
}

/** A registered handler: the runner finds it by type and version and calls `run`. */
export type EventHandler = InTransactionHandler | CallOutHandler

/** A handler's verdict on an event: a short machine-readable `reason` (logged, put in headers) beside the message. */
abstract class ErrorWithReason extends Error {
  readonly reason: string
  constructor(reason: string, message: string) {
    super(message)
    this.reason = reason
  }
}

/**
 * A business rejection the saga cannot act on (e.g. an event about an order this service never saw).
 * The runner rolls back and sends the record to `<topic>.dlq` with `reason` in its headers
 * (`dlq-rejection-reason`); it is not retried.
 */
export class EventRejected extends ErrorWithReason {
  override name = 'EventRejected'
}

/**
 * An early event (SPEC §6): what it implies cannot be applied yet because an event it depends on, travelling on
 * another topic, has not arrived (e.g. `stock.confirmed` for an order not yet PAID). The runner rolls back, parks the
 * record in `parked_events` and moves on; the `retry-parked` job offers it to the handler again until it is taken.
 */
export class EventNotYet extends ErrorWithReason {
  override name = 'EventNotYet'
}

type Fn<S extends TSchema, C> = (event: CloudEvent<Static<S>>, context: C) => Promise<void>

/**
 * Registers `fn` for `definition`'s type and version; the data is checked against the contract before `fn` sees it.
 * By default `fn` runs inside the runner's transaction, next to the inbox row. With `{ callsOut: true }` it gets
 * `step`/`finalStep` instead, for a handler that must call another system between two short transactions.
 */
export function handle<S extends TSchema>(
  definition: EventDefinition<S>,
  fn: Fn<S, HandlerContext>,
): InTransactionHandler
export function handle<S extends TSchema>(
  definition: EventDefinition<S>,
  fn: Fn<S, CallOutContext>,
  options: { callsOut: true },
): CallOutHandler
export function handle<S extends TSchema>(
  definition: EventDefinition<S>,
  fn: Fn<S, HandlerContext> | Fn<S, CallOutContext>,
  options?: { callsOut: true },
): EventHandler {
  const parsed = (event: CloudEvent<unknown>) => ({ ...event, data: definition.parse(event.data) })
  const identity = { type: definition.type, dataschema: definition.dataschema, parse: parsed }
  if (options?.callsOut) {
    const callOut = fn as Fn<S, CallOutContext>
    return { ...identity, mode: 'calls-out', run: async (event, context) => callOut(parsed(event), context) }
  }
  const inTx = fn as Fn<S, HandlerContext>
  return { ...identity, mode: 'in-transaction', run: async (event, context) => inTx(parsed(event), context) }
}
