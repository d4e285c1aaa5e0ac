import { sql } from 'drizzle-orm'
import { processedEvents } from './tables'
import type { AnyTx } from './types'

/**
 * Records that `consumer` has handled `eventId`, in the caller's transaction.
 * Returns false when the row already existed: the event is a redelivery and its effect is already committed.
 */
export async function markProcessed(
  tx: AnyTx,
  entry: { consumer: string; eventId: string; eventType: string; now: Date },
): Promise<boolean> {
  const [result] = await tx
    .insert(processedEvents)
    .values({ consumer: entry.consumer, eventId: entry.eventId, eventType: entry.eventType, processedAt: entry.now })
    .onDuplicateKeyUpdate({ set: { consumer: sql`consumer` } })
  // ON DUPLICATE KEY UPDATE with an unchanged value reports 0 affected rows; a fresh insert reports 1.
  return result.affectedRows === 1
}
