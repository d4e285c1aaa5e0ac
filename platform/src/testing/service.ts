import type { EventDefinition } from '@commerce/contracts'
import type { TSchema } from '@sinclair/typebox'
import { desc, eq } from 'drizzle-orm'
import { outbox } from '../db/tables'
import type { Db } from '../db/types'
import { encodeEvent, type KafkaClient, produce } from '../kafka/index'
import { type RunningService, runService, type ServiceConfig, type ServiceDefinition } from '../service/index'
import { eventually } from './eventually'

type Schema = Record<string, unknown>

/** Runs a service in this process against the real stack, on a free port, without exiting on stop. */
export function startTestService<S extends Schema, C extends ServiceConfig>(
  definition: ServiceDefinition<S, C>,
): Promise<RunningService<S, C>> {
  return runService({ ...definition, config: { ...definition.config, PORT: 0 } }, { exitOnStop: false })
}

/** Publishes `data` (e.g. a contract fixture) as a real CloudEvent record on its definition's topic. */
export async function publishEvent<S extends TSchema>(
  kafka: KafkaClient,
  definition: EventDefinition<S>,
  data: Parameters<EventDefinition<S>['create']>[0],
) {
  const meta = { now: new Date(), correlationId: crypto.randomUUID(), causationId: crypto.randomUUID() }
  const outgoing = definition.create(data, meta)
  await produce(kafka, outgoing.topic, [encodeEvent(outgoing)])
  return outgoing.event
}

/** Waits until the service's outbox holds an event of `type` whose CloudEvent satisfies `matches`; returns it. */
export function waitForOutboxEvent(db: Db, type: string, matches: (event: { data: unknown }) => boolean) {
  return eventually(
    async () => {
      const rows = await db.select().from(outbox).where(eq(outbox.type, type)).orderBy(desc(outbox.createdAt)).limit(50)
      return rows.map((r) => JSON.parse(r.payload) as { id: string; data: unknown }).find(matches)
    },
    { what: `an outbox event ${type}` },
  )
}
