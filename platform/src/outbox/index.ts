import type { OutgoingEvent } from '@commerce/contracts'
import { outbox } from '../db/tables'
import type { AnyTx } from '../db/types'

export { outbox }

/**
 * Writes the event in the caller's transaction. Nothing here talks to Kafka: Debezium reads the committed row from
 * the binlog and publishes `payload` to `commerce.<aggregateType>.events` with key `aggregateId` (SPEC §2).
 */
export async function appendOutbox(tx: AnyTx, outgoing: OutgoingEvent): Promise<void> {
  const { event } = outgoing
  await tx.insert(outbox).values({
    id: event.id,
    aggregateType: outgoing.aggregateType,
    aggregateId: outgoing.key,
    type: event.type,
    payload: JSON.stringify(event),
    createdAt: new Date(event.time),
    correlationId: event.correlationid,
  })
}

export { pruneOutbox } from './prune'
