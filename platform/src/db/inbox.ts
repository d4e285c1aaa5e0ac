import { lt } from 'drizzle-orm'
import { isDuplicateKey } from './errors'
import { processedEvents } from './tables'
import type { AnyTx, Db } from './types'

/** One delivery to record: `correlationId` is the event's `correlationid` (the saga timeline finds rows by it). */
export interface InboxEntry {
  consumer: string
  eventId: string
  eventType: string
  now: Date
  correlationId?: string | undefined
}

const rowOf = (entry: InboxEntry) => ({
  consumer: entry.consumer,
  eventId: entry.eventId,
  eventType: entry.eventType,
  processedAt: entry.now,
  correlationId: entry.correlationId ?? null,
})

/**
 * Records that `consumer` has handled `eventId`, in the caller's transaction.
 * Returns false when the row already existed: the event is a redelivery and its effect is already committed.
 * A concurrent delivery blocks on the primary key until the first transaction ends, then sees the duplicate.
 */
export async function markProcessed(tx: AnyTx, entry: InboxEntry): Promise<boolean> {
  try {
    await tx.insert(processedEvents).values(rowOf(entry))
    return true
  } catch (error) {
    // Not INSERT IGNORE (which would also swallow truncation errors) nor ON DUPLICATE KEY UPDATE (mysql2's
    // FOUND_ROWS flag makes an unchanged duplicate report one affected row, i.e. look fresh).
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/**
 * Records several deliveries at once (one multi-row INSERT, for a run of records sharing a transaction). True when every
 * row was new; false when any already existed, in which case the statement inserted nothing and the caller marks them
 * one by one to learn which.
 */
export async function markAllProcessed(tx: AnyTx, entries: InboxEntry[]): Promise<boolean> {
  if (entries.length === 0) return true
  try {
    await tx.insert(processedEvents).values(entries.map(rowOf))
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/**
 * Deletes inbox rows older than `olderThan` (at most `limit` per call). Keep them longer than any redelivery can come:
 * Kafka retention plus the DLQ replay horizon; a pruned event that is redelivered would take effect again.
 */
export async function pruneInbox(db: Db, options: { olderThan: Date; limit?: number }): Promise<number> {
  const [result] = await db
    .delete(processedEvents)
    .where(lt(processedEvents.processedAt, options.olderThan))
    .limit(options.limit ?? 10_000)
  return result.affectedRows
}
