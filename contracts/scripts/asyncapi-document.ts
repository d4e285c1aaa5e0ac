import { join } from 'node:path'
import type { TSchema } from '@sinclair/typebox'
import type { EventDefinition } from '../src/cloud-event'
import { allEvents, subscriptions } from '../src/index'
import { envelopeSchema, message, messageId, relayHeaders } from './asyncapi-messages'

type Definition = EventDefinition<TSchema>

/** Where the document is committed, relative to the repository root. */
export const asyncApiPath = join(import.meta.dir, '../../docs/asyncapi.yaml')
export const regenerateCommand = 'bun run contracts:asyncapi'

const producerOf = (def: Definition): string => def.source.split('/').at(-1) ?? def.source
const topics = [...new Set(allEvents.map((def) => def.topic))]
const aggregateOf = (topic: string) => topic.split('.')[1] ?? topic
const messageRef = (def: Definition) => ({ $ref: `#/channels/${def.topic}/messages/${messageId(def)}` })

const deadLetterHeaders = {
  type: 'object',
  description: 'The original record headers, plus where the dead letter came from and why (platform/src/kafka/dlq.ts)',
  properties: {
    'dlq-reason': { type: 'string', enum: ['undecodable', 'contract-violation', 'rejected', 'handler-error'] },
    'dlq-rejection-reason': { type: 'string', description: 'The handler’s reason, for `rejected`' },
    'dlq-error': { type: 'string' },
    'dlq-consumer': { type: 'string', description: 'The consumer group that gave up on it' },
    'dlq-original-topic': { type: 'string' },
    'dlq-original-partition': { type: 'string' },
    'dlq-original-offset': { type: 'string' },
    'dlq-failed-at': { type: 'string', format: 'date-time' },
  },
}

function channels() {
  const entries = topics.flatMap((topic) => {
    const defs = allEvents.filter((def) => def.topic === topic)
    const events = {
      address: topic,
      title: `${aggregateOf(topic)} events`,
      description: `Every event of the ${aggregateOf(topic)} aggregate, keyed by aggregate id. Dead letters of its consumers go to \`${topic}.dlq\`.`,
      messages: Object.fromEntries(
        defs.map((def) => [messageId(def), { $ref: `#/components/messages/${messageId(def)}` }]),
      ),
      bindings: { kafka: { topic, bindingVersion: '0.5.0' } },
    }
    const dlq = {
      address: `${topic}.dlq`,
      title: `${aggregateOf(topic)} dead letters`,
      description: `Records of \`${topic}\` a consumer could not take, key and value unchanged. Replayed by \`npm run dlq:replay\`.`,
      messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
      bindings: { kafka: { topic: `${topic}.dlq`, bindingVersion: '0.5.0' } },
    }
    return [
      [topic, events],
      [`${topic}.dlq`, dlq],
    ]
  })
  return Object.fromEntries(entries)
}

/** Each producer sends its events (outbox + Debezium); each consumer receives what contracts/src/subscriptions.ts lists. */
function operations() {
  const sends = topics.flatMap((topic) => {
    const defs = allEvents.filter((def) => def.topic === topic)
    return [...new Set(defs.map(producerOf))].map((producer) => [
      `${producer}.sends.${aggregateOf(topic)}-events`,
      {
        action: 'send',
        channel: { $ref: `#/channels/${topic}` },
        summary: `${producer} writes these to its outbox in the transaction of their cause; Debezium relays them`,
        messages: defs.filter((def) => producerOf(def) === producer).map(messageRef),
      },
    ])
  })
  const receives = Object.entries(subscriptions).flatMap(([service, defs]) =>
    topics
      .filter((topic) => defs.some((def) => def.topic === topic))
      .map((topic) => [
        `${service}.receives.${aggregateOf(topic)}-events`,
        {
          action: 'receive',
          channel: { $ref: `#/channels/${topic}` },
          summary: `${service} handles these (inbox-deduplicated) and skips every other type or version on the topic`,
          messages: defs.filter((def) => def.topic === topic).map(messageRef),
        },
      ]),
  )
  return Object.fromEntries([...sends, ...receives].sort(([a], [b]) => String(a).localeCompare(String(b))))
}

const description = `Events of the commerce platform (SPEC §5), generated from \`contracts/\` by \`${regenerateCommand}\`; do not edit.

Services never publish to Kafka themselves: they write an outbox row in the transaction of the change, and Debezium
relays it to \`commerce.<aggregate>.events\`. Each record is a CloudEvents 1.0 event in structured mode
(\`application/cloudevents+json\`), keyed by aggregate id. Consumers are tolerant readers: they select by \`type\` and
\`dataschema\` (type and major version), skip what they do not know, and ignore unknown fields. A record a consumer cannot
take goes to \`<topic>.dlq\` with the reason in \`dlq-*\` headers. A breaking change is a new version (\`…v2\`),
published beside the old one until the last consumer has moved.`

/** Paragraphs without the source's line breaks (renderers wrap them). */
const unwrapped = (text: string) =>
  text
    .split('\n\n')
    .map((paragraph) => paragraph.replaceAll('\n', ' '))
    .join('\n\n')

/** The AsyncAPI 3.0 document of every event version in contracts/. */
export async function asyncApiDocument() {
  const messages = await Promise.all(allEvents.map(async (def) => [messageId(def), await message(def)] as const))
  const dataSchemas = allEvents.map((def) => [messageId(def), JSON.parse(JSON.stringify(def.data))] as const)
  return {
    asyncapi: '3.0.0',
    info: { title: 'Commerce platform events', version: '1.0.0', description: unwrapped(description) },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The local stack’s broker (`npm run up`)' },
    },
    channels: channels(),
    operations: operations(),
    components: {
      schemas: { CloudEvent: envelopeSchema(), RelayHeaders: relayHeaders, ...Object.fromEntries(dataSchemas) },
      messages: {
        ...Object.fromEntries(messages),
        deadLetter: {
          name: 'dead letter',
          summary: 'The original record (usually one of the topic’s events, or bytes that were not one)',
          headers: deadLetterHeaders,
          payload: {},
        },
      },
    },
  }
}

/** The document as committed: YAML, headed by how to regenerate it. */
export async function asyncApiText(): Promise<string> {
  const yaml = Bun.YAML.stringify(await asyncApiDocument(), null, 2)
  return `# Generated from contracts/ by \`${regenerateCommand}\`; do not edit (contracts/README.md, "AsyncAPI").\n${yaml}\n`
}
