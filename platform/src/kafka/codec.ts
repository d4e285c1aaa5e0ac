import { type CloudEvent, ContractViolation, type OutgoingEvent, parseEnvelope } from '@commerce/contracts'

/** Record headers as they arrive: each value a Buffer, a string, or several of them. */
export type RecordHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>

/** Structured-mode CloudEvents (SPEC §5): the record value is the whole event as JSON. */
export const CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8'

/** Decodes a record value into a checked envelope; throws ContractViolation when it is not one. */
export function decodeEvent(value: Buffer | null): CloudEvent<unknown> {
  if (value === null || value.length === 0) throw new ContractViolation('unknown', '', 'empty record value')
  let json: unknown
  try {
    json = JSON.parse(value.toString('utf8'))
  } catch {
    throw new ContractViolation('unknown', '', 'record value is not JSON')
  }
  return parseEnvelope(json)
}

/** Encodes an event the way Debezium's EventRouter publishes an outbox row: key, JSON value, id and type headers. */
export function encodeEvent(outgoing: OutgoingEvent): { key: string; value: string; headers: Record<string, string> } {
  return {
    key: outgoing.key,
    value: JSON.stringify(outgoing.event),
    headers: { id: outgoing.event.id, ce_type: outgoing.event.type, 'content-type': CONTENT_TYPE },
  }
}

/** Reads a header as a string, whatever shape the client delivered it in. */
export function headerValue(headers: RecordHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name]
  const first = Array.isArray(raw) ? raw[0] : raw
  return first === undefined ? undefined : first.toString()
}

/** Every header as a string (the first value where there are several). */
export function headersToStrings(headers: RecordHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of Object.keys(headers ?? {})) {
    const value = headerValue(headers, name)
    if (value !== undefined) out[name] = value
  }
  return out
}
