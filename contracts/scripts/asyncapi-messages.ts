import { join } from 'node:path'
import type { TSchema } from '@sinclair/typebox'
import { CloudEventEnvelope, type EventDefinition } from '../src/cloud-event'
import { artifactName, fixturePath } from './artifacts'

type Definition = EventDefinition<TSchema>

/** A component name for one event version: `order.placed.v1` (also its fixture's and snapshot's base name). */
export const messageId = (def: Definition): string => artifactName(def).replace(/\.json$/, '')

const attributes: Record<string, string> = {
  specversion: 'CloudEvents version',
  id: 'Event id (UUIDv7); consumers dedupe by it (inbox row per consumer)',
  source: 'The producing service, `/commerce/<service>`',
  type: 'The event type, e.g. `order.placed`; consumers select by it and skip types they do not know',
  subject: 'The aggregate the event is about, e.g. `order/123`',
  time: 'When the producer committed it (ISO 8601); consumers measure outbox → consumer lag from it',
  datacontenttype: 'The content type of `data`',
  dataschema: 'Type and major version, `urn:commerce:schema:<type>:v<N>`; a handler takes one version',
  correlationid: 'Extension: the saga id (the order id for the checkout saga)',
  causationid: 'Extension: the id of the event or request that caused this one',
  traceparent: 'Extension: W3C trace context; the consumer continues the trace',
  data: 'The event data, checked against the schema `dataschema` names',
}

/** The CloudEvents 1.0 structured-mode envelope (the JSON Schema consumers check, with each attribute described). */
export function envelopeSchema(): Record<string, unknown> {
  const schema = JSON.parse(JSON.stringify(CloudEventEnvelope)) as { properties: Record<string, object> }
  for (const [name, property] of Object.entries(schema.properties)) {
    schema.properties[name] = { description: attributes[name], ...property }
  }
  return { description: 'CloudEvents 1.0, structured mode: the whole event is the record value', ...schema }
}

/** The headers Debezium's EventRouter adds to every relayed record (platform/stack/provision/connector-config.ts). */
export const relayHeaders = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'The outbox row id, which is the CloudEvent id' },
    ce_type: { type: 'string', description: 'The CloudEvent type, for routing without parsing the value' },
  },
}

/** The definition's JSDoc (`/** … *\/` above `export const … = defineEvent`), read from its source file. */
async function docOf(def: Definition): Promise<string | undefined> {
  const producer = def.source.split('/').at(-1) ?? ''
  const file = join(import.meta.dir, '../src', producer, `${def.type.replaceAll('.', '-')}.v${def.version}.ts`)
  const source = await Bun.file(file).text()
  const comment = source.match(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export const \w+ = defineEvent/)?.[1]
  return comment
    ?.split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .filter((line) => line !== '')
    .join(' ')
}

const exampleMeta = {
  now: new Date('2026-03-01T09:35:00.000Z'),
  correlationId: '1042',
  causationId: '0195a1b2-0000-7000-8000-0000000000c1',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
}

/** The fixture as it travels: the envelope the producer builds around it, the Kafka key, and where the key comes from. */
async function example(def: Definition) {
  const fixture = await Bun.file(fixturePath(def)).json()
  const outgoing = def.create(fixture, exampleMeta)
  const event = { ...outgoing.event, id: '0195a1b2-0000-7000-8000-0000000000e1' }
  const keyField = Object.entries(fixture as object).find(([, value]) => String(value) === outgoing.key)?.[0]
  return { event, key: outgoing.key, keyField }
}

/** One message per event version: structured CloudEvent payload with its data schema, Kafka key, fixture example. */
export async function message(def: Definition) {
  const { event, key, keyField } = await example(def)
  const summary = await docOf(def)
  return {
    name: def.type,
    title: `${def.type} v${def.version}`,
    ...(summary === undefined ? {} : { description: summary }),
    contentType: 'application/cloudevents+json',
    correlationId: { description: 'The saga id', location: '$message.payload#/correlationid' },
    headers: { $ref: '#/components/schemas/RelayHeaders' },
    payload: {
      allOf: [
        { $ref: '#/components/schemas/CloudEvent' },
        {
          type: 'object',
          properties: {
            type: { const: def.type },
            source: { const: def.source },
            dataschema: { const: def.dataschema },
            subject: { type: 'string', examples: [event.subject] },
            data: { $ref: `#/components/schemas/${messageId(def)}` },
          },
        },
      ],
    },
    bindings: {
      kafka: {
        key: {
          type: 'string',
          description: `The aggregate id${keyField === undefined ? '' : ` (data.${keyField})`}: one aggregate's events stay in one partition, in order`,
          examples: [key],
        },
        bindingVersion: '0.5.0',
      },
    },
    examples: [
      {
        name: 'fixture',
        summary: `contracts/fixtures/${artifactName(def)} in the envelope its producer builds`,
        headers: { id: event.id, ce_type: def.type },
        payload: event,
      },
    ],
  }
}
