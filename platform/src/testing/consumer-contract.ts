import { allEvents, type EventDefinition, subscriptions } from '@commerce/contracts'
import { fixtureOf } from '@commerce/contracts/testing'
import type { TSchema } from '@sinclair/typebox'
import { encodeEvent } from '../kafka/codec'
import { indexHandlers } from '../kafka/handlers'
import { createLogger } from '../log/index'
import { createRedis } from '../redis/index'
import type { ServiceDefinition, ServiceDeps } from '../service/run-service'
import type { ServiceConfig } from '../service/service-app'
import type { ConsumingGroup, TopicRecord, Verdict } from './consumer-verdict'

type Definition = EventDefinition<TSchema>
type Schema = Record<string, unknown>

/** One row of a consumer's contract table: a record as its producer publishes it, and what the runner must decide. */
export interface ContractCase {
  name: string
  record: TopicRecord
  expected: Verdict
}

/** A service's consumers against its producers' fixtures (services/<name>/src/consumers/contract.test.ts). */
export interface ConsumerContract {
  /** The service's consumer groups, merged: every handler it registers and every topic it reads. */
  group: ConsumingGroup
  /** `<type> v<N>` of every handler it registers, sorted. */
  registered: string[]
  /** The same, as contracts/src/subscriptions.ts declares it (the AsyncAPI receive operations). */
  declared: string[]
  cases: ContractCase[]
}

/** Config values that satisfy the shared env fragments and point at nothing: building a service's pieces, no I/O. */
export const placeholderEnv: Readonly<Record<string, string>> = Object.freeze({
  PORT: '0',
  SERVICE_NAME: 'contract-test',
  MARIADB_URL: 'mysql://unused@127.0.0.1:9/unused',
  REDIS_URL: 'redis://127.0.0.1:9',
  KAFKA_BROKERS: '127.0.0.1:9',
  AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
  AUTH_JWT_ISSUER: 'contract-test',
  AUTH_JWT_AUDIENCE: 'contract-test',
})

const label = (def: Pick<Definition, 'type' | 'version'>) => `${def.type} v${def.version}`
const meta = {
  now: new Date('2026-03-01T09:35:00.000Z'),
  correlationId: 'corr-contract',
  causationId: 'cause-contract',
}

/** The record the producer's outbox row becomes (Debezium relays the CloudEvent JSON unchanged), optionally edited. */
async function publishedRecord(def: Definition, edit: (event: Record<string, unknown>) => unknown = (e) => e) {
  const outgoing = def.create((await fixtureOf(def)) as never, meta)
  const { value } = encodeEvent({ ...outgoing, event: edit(JSON.parse(JSON.stringify(outgoing.event))) as never })
  return { topic: outgoing.topic, value }
}

const firstRequired = (def: Definition): string => (def.data['required'] as string[] | undefined)?.[0] ?? ''

/** The rows for one subscribed event version: its fixture as published, with unknown fields, broken, and its v+1. */
async function subscribedCases(def: Definition, declared: readonly Definition[]): Promise<ContractCase[]> {
  const handled = { handledAs: def.dataschema, onSubscribedTopic: true }
  const required = firstRequired(def)
  const withData = (e: Record<string, unknown>, data: unknown) => ({ ...e, data })
  const cases: ContractCase[] = [
    { name: `${label(def)}: the producer's fixture is handled`, record: await publishedRecord(def), expected: handled },
    {
      name: `${label(def)}: the fixture with an unknown data field and an unknown envelope attribute is handled`,
      record: await publishedRecord(def, (e) => ({
        ...withData(e, { ...(e['data'] as object), addedLater: 1 }),
        unknownattribute: 'from a newer producer',
      })),
      expected: handled,
    },
    {
      name: `${label(def)}: the fixture without "${required}" is dead-lettered as a contract violation`,
      record: await publishedRecord(def, (e) => withData(e, { ...(e['data'] as object), [required]: undefined })),
      expected: { deadLettered: 'contract-violation', at: `/${required}` },
    },
  ]
  const next = { type: def.type, version: def.version + 1 }
  if (declared.some((d) => d.type === next.type && d.version === next.version)) return cases
  const nextSchema = `urn:commerce:schema:${next.type}:v${next.version}`
  cases.push({
    name: `${label(def)}: a ${label(next)} it does not know yet is skipped, not dead-lettered`,
    record: await publishedRecord(def, (e) => ({ ...withData(e, { reshaped: true }), dataschema: nextSchema })),
    expected: { skipped: 'unknown-version' },
  })
  return cases
}

/** Rows for the events on the topics it reads that it does not subscribe to: skipped by type (or by version). */
async function unsubscribedCases(topics: readonly string[], declared: readonly Definition[]): Promise<ContractCase[]> {
  const others = allEvents.filter((def) => topics.includes(def.topic) && !declared.includes(def))
  return Promise.all(
    others.map(async (def) => ({
      name: `${label(def)} (not subscribed) on ${def.topic} is skipped`,
      record: await publishedRecord(def),
      expected: { skipped: declared.some((d) => d.type === def.type) ? 'unknown-version' : 'unknown-type' } as const,
    })),
  )
}

/** Throws on any use: a consumer registration must only capture its deps while being built. */
const unusable = (name: string): never =>
  new Proxy(
    {},
    {
      get: (_, key) => {
        throw new Error(`deps.${name}.${String(key)} used while building the consumers`)
      },
    },
  ) as never

/** The consumer groups `definition` registers, built the way runService builds them, with deps that do no I/O. */
function consumerGroups<S extends Schema, C extends ServiceConfig>(definition: ServiceDefinition<S, C>) {
  // lazyConnect: registrations may define Lua commands on the client, which needs no connection.
  const redis = createRedis(placeholderEnv['REDIS_URL'] ?? '', { lazyConnect: true })
  const logger = createLogger({ service: definition.name }, 'error')
  const deps: ServiceDeps<S, C> = {
    config: definition.config,
    db: unusable('db'),
    kafka: unusable('kafka'),
    redis,
    logger,
  }
  const specs = definition.consumers?.(deps) ?? []
  redis.disconnect()
  return specs
}

/**
 * The consumer-driven contract of `service`: its registered handlers against the producers' fixtures, run through the
 * runner's decode and validation path (consumer-verdict.ts), and its registrations against contracts' declaration.
 */
export async function consumerContract<S extends Schema, C extends ServiceConfig>(
  service: string,
  definition: ServiceDefinition<S, C>,
): Promise<ConsumerContract> {
  const specs = consumerGroups(definition)
  const handlers = specs.flatMap((spec) => spec.handlers)
  const topics = [...new Set(specs.flatMap((spec) => spec.topics))]
  const declared = subscriptions[service] ?? []
  const cases = [
    ...(await Promise.all(declared.map((def) => subscribedCases(def, declared)))).flat(),
    ...(await unsubscribedCases(topics, declared)),
  ]
  const byDataschema = (dataschema: string) => dataschema.replace(/^urn:commerce:schema:(.+):v(\d+)$/, '$1 v$2')
  return {
    group: { index: indexHandlers(handlers), topics },
    registered: handlers.map((h) => byDataschema(h.dataschema)).sort(),
    declared: declared.map(label).sort(),
    cases,
  }
}
