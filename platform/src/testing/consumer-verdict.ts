import { type CloudEvent, ContractViolation } from '@commerce/contracts'
import { decodeEvent } from '../kafka/codec'
import { type HandlerIndex, handlerFor } from '../kafka/handlers'

/** A consumer group as the runner sees it: its handlers, indexed, and the topics it reads. */
export interface ConsumingGroup {
  index: HandlerIndex
  topics: readonly string[]
}

/** A record as it sits on a topic: the structured-mode CloudEvent JSON is the value. */
export interface TopicRecord {
  topic: string
  value: string
}

/**
 * What the runner decides for a record, short of running the handler's function. `handledAs` is the handler's
 * `dataschema`; `at` is the JSON Pointer of the first contract violation (the runner dead-letters with that reason).
 */
export type Verdict =
  | { handledAs: string; onSubscribedTopic: boolean }
  | { skipped: 'unknown-type' | 'unknown-version' }
  | { deadLettered: 'undecodable' | 'contract-violation'; at: string }

function violation(error: unknown, reason: 'undecodable' | 'contract-violation'): Verdict {
  if (error instanceof ContractViolation) return { deadLettered: reason, at: error.path }
  throw error
}

/**
 * The consumer runner's path for one record (kafka/record.ts), with the same functions: decode the envelope
 * (codec.ts), find the handler by type and `dataschema` (handlers.ts), then the handler's own `parse`, which its `run`
 * applies before the handler's function sees the event.
 */
export function verdictOn(group: ConsumingGroup, record: TopicRecord): Verdict {
  let event: CloudEvent<unknown>
  try {
    event = decodeEvent(Buffer.from(record.value, 'utf8'))
  } catch (error) {
    return violation(error, 'undecodable')
  }
  const handler = handlerFor(group.index, event)
  if (typeof handler === 'string') return { skipped: handler }
  try {
    handler.parse(event)
  } catch (error) {
    return violation(error, 'contract-violation')
  }
  return { handledAs: handler.dataschema, onSubscribedTopic: group.topics.includes(record.topic) }
}
