import type { CloudEvent } from '@commerce/contracts'
import type { EventHandler } from './handle'

/** The handlers of one consumer, found by type and version. */
export interface HandlerIndex {
  readonly byVersion: ReadonlyMap<string, EventHandler>
  readonly types: ReadonlySet<string>
}

const keyOf = (type: string, dataschema: string) => `${type} ${dataschema}`

/** Indexes `handlers` by type and version; two handlers for one type and version is a wiring bug and throws. */
export function indexHandlers(handlers: readonly EventHandler[]): HandlerIndex {
  const byVersion = new Map<string, EventHandler>()
  for (const handler of handlers) {
    const key = keyOf(handler.type, handler.dataschema)
    if (byVersion.has(key)) {
      throw new Error(`two handlers for ${handler.type} at ${handler.dataschema}: register one per type and version`)
    }
    byVersion.set(key, handler)
  }
  return { byVersion, types: new Set(handlers.map((h) => h.type)) }
}

/** Why no handler takes an event: nobody handles its type, or nobody handles this version of it. */
export type Unhandled = 'unknown-type' | 'unknown-version'

/** The handler for the event's type and `dataschema`, or why there is none (the runner then skips the record). */
export function handlerFor(index: HandlerIndex, event: CloudEvent<unknown>): EventHandler | Unhandled {
  const handler = index.byVersion.get(keyOf(event.type, event.dataschema))
  if (handler) return handler
  return index.types.has(event.type) ? 'unknown-version' : 'unknown-type'
}
