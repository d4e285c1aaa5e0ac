import type { EventDefinition } from '@commerce/contracts'
import type { TSchema } from '@sinclair/typebox'
import { and, eq } from 'drizzle-orm'
import { processedEvents } from '../db/tables'
import type { Db } from '../db/types'
import { encodeEvent, type KafkaClient, produce } from '../kafka/index'

// What every handler file's three tests need (STYLE §5.8): an event that arrives, arrives twice, or breaks its contract.

type DataOf<S extends TSchema> = Parameters<EventDefinition<S>['create']>[0]

const freshMeta = () => ({ now: new Date(), correlationId: crypto.randomUUID(), causationId: crypto.randomUUID() })

/** Publishes one event record (one id) `times` times, as a redelivery would. */
export async function publishRepeatedly<S extends TSchema>(
  kafka: KafkaClient,
  definition: EventDefinition<S>,
  input: { data: DataOf<S>; times: number },
) {
  const outgoing = definition.create(input.data, freshMeta())
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
  input: { valid: DataOf<S>; broken: unknown },
) {
  const outgoing = definition.create(input.valid, freshMeta())
  const broken = { ...outgoing, event: { ...outgoing.event, data: input.broken } }
  await produce(kafka, outgoing.topic, [encodeEvent(broken)])
  return outgoing.event
}

/** How many inbox rows a consumer group holds for an event id (1 once handled, whatever the redeliveries). */
export async function inboxRows(db: Db, at: { consumer: string; eventId: string }): Promise<number> {
  const rows = await db
    .select()
    .from(processedEvents)
    .where(and(eq(processedEvents.consumer, at.consumer), eq(processedEvents.eventId, at.eventId)))
  return rows.length
}
