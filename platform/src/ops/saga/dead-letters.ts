import type { ScannedRecord } from '../../kafka/scan'
import type { SagaEntry } from './timeline'

/** Every topic's DLQ: `commerce.<aggregate>.events.dlq` (SPEC §5). */
export const dlqTopicPattern = /^commerce\.[a-z0-9-]+\.events\.dlq$/

interface Envelope {
  id?: unknown
  type?: unknown
  source?: unknown
  correlationid?: unknown
  causationid?: unknown
}

function envelopeOf(value: string | null): Envelope | undefined {
  if (!value) return undefined
  try {
    const parsed: unknown = JSON.parse(value)
    return parsed && typeof parsed === 'object' ? (parsed as Envelope) : undefined
  } catch {
    return undefined
  }
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

/**
 * The dead letter as a timeline entry when its CloudEvent belongs to the saga (`correlationid`), else undefined. An
 * undecodable record cannot name its saga and never shows here; `npm run dlq` lists it.
 */
export function deadLetterEntry(record: ScannedRecord, correlationId: string): SagaEntry | undefined {
  const event = envelopeOf(record.value)
  if (!event || text(event.correlationid) !== correlationId) return undefined
  const h = record.headers
  const id = text(event.id)
  const type = text(event.type) ?? h['ce_type']
  const causationId = text(event.causationid)
  const source = text(event.source)
  const origin = `${h['dlq-original-topic'] ?? '?'}[${h['dlq-original-partition'] ?? '?'}]@${h['dlq-original-offset'] ?? '?'}`
  const why = [h['dlq-rejection-reason'], h['dlq-error']].filter(Boolean).join(': ')
  return {
    at: h['dlq-failed-at'] ?? record.timestamp,
    // The consumer group is named after its service unless the service chose otherwise.
    service: h['dlq-consumer'] ?? 'unknown',
    kind: 'dead-letter',
    ...(type ? { type } : {}),
    ...(id ? { id } : {}),
    ...(causationId ? { causationId } : {}),
    ...(h['dlq-consumer'] ? { consumer: h['dlq-consumer'] } : {}),
    ...(source ? { source } : {}),
    outcome: h['dlq-reason'] ?? 'dead-lettered',
    detail: `from ${origin}, now ${record.topic}[${record.partition}]@${record.offset}${why ? `; ${why}` : ''}`,
  }
}
