import type { EventDefinition } from '@commerce/contracts'
import type { Db } from '@commerce/platform/db'
import { encodeEvent, type KafkaClient, produce } from '@commerce/platform/kafka'
import type { TSchema } from '@sinclair/typebox'
import { and, eq } from 'drizzle-orm'
import { processedEvents } from '../../src/db/schema'

const meta = () => ({ now: new Date(), correlationId: crypto.randomUUID(), causationId: crypto.randomUUID() })

/** Publishes one event record (with one id) `times` times, as a redelivery would. */
export async function publishRepeatedly<S extends TSchema>(
  kafka: KafkaClient,
  definition: EventDefinition<S>,
  input: { data: Parameters<EventDefinition<S>['create']>[0]; times: number },
) {
  const outgoing = definition.create(input.data, meta())
  const record = encodeEvent(outgoing)
  await produce(
    kafka,
    outgoing.topic,
    Array.from({ length: input.times }, () => record),
  )
  return outgoing.event
}

/** Publishes an event of the definition's type and version whose data breaks its schema, keyed like a valid one. */
export async function publishBroken<S extends TSchema>(
  kafka: KafkaClient,
  definition: EventDefinition<S>,
  input: { valid: Parameters<EventDefinition<S>['create']>[0]; broken: unknown },
) {
  const outgoing = definition.create(input.valid, meta())
  const broken = { ...outgoing, event: { ...outgoing.event, data: input.broken } }
  await produce(kafka, outgoing.topic, [encodeEvent(broken)])
  return outgoing.event
}

/** How many inbox rows auth's consumer group holds for an event id. */
export async function inboxRows(db: Db, eventId: string) {
  const rows = await db
    .select()
    .from(processedEvents)
    .where(and(eq(processedEvents.consumer, 'auth'), eq(processedEvents.eventId, eventId)))
  return rows.length
}
