import { type Static, type TSchema, Type } from '@sinclair/typebox'
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler'
import { Timestamp } from './common'

/** A CloudEvents 1.0 event in structured JSON mode (SPEC §5); correlation and causation are extensions. */
export interface CloudEvent<T = unknown> {
  specversion: '1.0'
  id: string
  source: string
  type: string
  subject: string
  time: string
  datacontenttype: 'application/json'
  dataschema: string
  correlationid: string
  causationid: string
  traceparent?: string
  data: T
}

/** What a producer knows about why it is emitting: the saga id and the event/request that caused this one. */
export interface EventMeta {
  now: Date
  correlationId: string
  causationId: string
  traceparent?: string
}

/** What the outbox stores: Debezium routes by aggregateType to `commerce.<aggregateType>.events`, key = key. */
export interface OutgoingEvent<T = unknown> {
  topic: string
  key: string
  aggregateType: string
  event: CloudEvent<T>
}

/** Thrown when an envelope or its data breaks the contract; `path` is a JSON Pointer into what was checked. */
export class ContractViolation extends Error {
  override name = 'ContractViolation'
  readonly eventType: string
  readonly path: string

  constructor(eventType: string, path: string, reason: string) {
    super(`${eventType} breaks its contract at ${path === '' ? '(root)' : path}: ${reason}`)
    this.eventType = eventType
    this.path = path
  }
}

/** One event type at one version: its schema, routing, and how to check and build it. */
export interface EventDefinition<S extends TSchema> {
  readonly type: string
  readonly version: number
  readonly source: string
  readonly aggregateType: string
  readonly topic: string
  readonly dataschema: string
  readonly data: S
  /** Checks `data` against the compiled schema without cleaning or converting it; throws ContractViolation. */
  parse(data: unknown): Static<S>
  /** Builds the outbox entry for `data`; the data is checked first so a producer never publishes a broken event. */
  create(data: Static<S>, meta: EventMeta): OutgoingEvent<Static<S>>
}

/** The envelope type of a definition: `type OrderPlacedV1 = EventOf<typeof OrderPlacedV1>`. */
export type EventOf<D extends { readonly data: TSchema }> = CloudEvent<Static<D['data']>>

interface EventSpec<S extends TSchema> {
  type: string
  version: number
  source: string
  aggregateType: string
  data: S
  key: (data: Static<S>) => string
  subject: (data: Static<S>) => string
}

function check<S extends TSchema>(compiled: TypeCheck<S>, value: unknown, eventType: string): Static<S> {
  if (compiled.Check(value)) return value
  const error = compiled.Errors(value).First()
  throw new ContractViolation(eventType, error?.path ?? '', error?.message ?? 'invalid')
}

/** Defines one event type at one version; its schema is compiled once, as consumers check every record. */
export function defineEvent<S extends TSchema>(spec: EventSpec<S>): EventDefinition<S> {
  const { type, version, source, aggregateType, data: schema } = spec
  const compiled = TypeCompiler.Compile(schema)
  const topic = `commerce.${aggregateType}.events`
  const dataschema = `urn:commerce:schema:${type}:v${version}`
  const parse = (data: unknown): Static<S> => check(compiled, data, type)

  return Object.freeze({
    type,
    version,
    source,
    aggregateType,
    topic,
    dataschema,
    data: schema,
    parse,
    create(data: Static<S>, meta: EventMeta): OutgoingEvent<Static<S>> {
      parse(data)
      const event: CloudEvent<Static<S>> = {
        specversion: '1.0',
        id: Bun.randomUUIDv7(),
        source,
        type,
        subject: spec.subject(data),
        time: meta.now.toISOString(),
        datacontenttype: 'application/json',
        dataschema,
        correlationid: meta.correlationId,
        causationid: meta.causationId,
        ...(meta.traceparent === undefined ? {} : { traceparent: meta.traceparent }),
        data,
      }
      return { topic, key: spec.key(data), aggregateType, event }
    },
  })
}

const NonEmpty = Type.String({ minLength: 1 })

/**
 * The envelope every consumer checks (parseEnvelope), as JSON Schema for tooling (AsyncAPI). Tolerant reader: unknown
 * attributes (other extensions) are allowed; `data` must be present but is checked later by the definition selected
 * by `type`.
 */
export const CloudEventEnvelope = Type.Object({
  specversion: Type.Literal('1.0'),
  id: NonEmpty,
  source: NonEmpty,
  type: NonEmpty,
  subject: NonEmpty,
  time: Timestamp,
  datacontenttype: Type.Literal('application/json'),
  dataschema: NonEmpty,
  correlationid: NonEmpty,
  causationid: NonEmpty,
  traceparent: Type.Optional(NonEmpty),
  data: Type.Unknown(),
})
const compiledEnvelope = TypeCompiler.Compile(CloudEventEnvelope)

function readableType(value: unknown): string {
  if (typeof value !== 'object' || value === null || !('type' in value)) return 'unknown'
  return typeof value.type === 'string' && value.type !== '' ? value.type : 'unknown'
}

/** Validates the envelope (all required attributes, specversion '1.0', string ids) and returns it; data is unknown. */
export function parseEnvelope(value: unknown): CloudEvent<unknown> {
  return check(compiledEnvelope, value, readableType(value))
}
