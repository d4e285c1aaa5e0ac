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

/** A registered handler: the runner finds it by event type and calls `run` inside its transaction. */
export interface EventHandler {
  readonly type: string
  run(event: CloudEvent<unknown>, context: HandlerContext): Promise<void>
}

/**
 * A business rejection the saga cannot act on (e.g. an event about an order this service never saw).
 * The runner rolls back and sends the record to `<topic>.dlq` with `reason` in its headers; it is not retried.
 */
export class EventRejected extends Error {
  override name = 'EventRejected'
  readonly reason: string
  constructor(reason: string, message: string) {
    super(message)
    this.reason = reason
  }
}

/** Registers `fn` for `definition`'s type; the data is checked against the contract before `fn` sees it. */
export function handle<S extends TSchema>(
  definition: EventDefinition<S>,
  fn: (event: CloudEvent<Static<S>>, context: HandlerContext) => Promise<void>,
): EventHandler {
  return {
    type: definition.type,
    run: async (event, context) => {
      const data = definition.parse(event.data)
      await fn({ ...event, data }, context)
    },
  }
}
