import { lt } from 'drizzle-orm'
import { outbox } from '../db/tables'
import type { Db } from '../db/types'

/**
 * Deletes outbox rows older than `olderThan`, at most `limit` per call. Safe at any age: Debezium publishes from the
 * binlog's insert image, and its EventRouter drops DELETE events, so a pruned row was published (or will be) all the same.
 * Returns how many rows went.
 */
export async function pruneOutbox(db: Db, options: { olderThan: Date; limit?: number }): Promise<number> {
  const [result] = await db
    .delete(outbox)
    .where(lt(outbox.createdAt, options.olderThan))
    .orderBy(outbox.createdAt)
    .limit(options.limit ?? 10_000)
  return result.affectedRows
}
