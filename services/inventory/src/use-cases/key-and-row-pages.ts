import type { RedisClient } from '@commerce/platform/redis'
import { gt } from 'drizzle-orm'
import type { InventoryTx } from '../db'
import { stockBalances } from '../db/schema'

/**
 * Every balance row in SKU order, a page at a time (keyset paging: each page one indexed range, whatever the table's
 * size). `db` may be a transaction, e.g. a rebuild's consistent snapshot.
 */
export async function* balancePages(db: Pick<InventoryTx, 'select'>, size: number) {
  for (let after = 0; ; ) {
    const rows = await db
      .select({ skuId: stockBalances.skuId, available: stockBalances.available, reserved: stockBalances.reserved })
      .from(stockBalances)
      .where(gt(stockBalances.skuId, after))
      .orderBy(stockBalances.skuId)
      .limit(size)
    if (rows.length === 0) return
    yield rows
    after = (rows.at(-1) as { skuId: number }).skuId
  }
}

/** Every key matching `pattern`, a SCAN page at a time (never KEYS: a large keyspace must not block Redis). */
export async function* scanPages(redis: RedisClient, pattern: string, count: number): AsyncGenerator<string[]> {
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', count)
    cursor = next
    if (keys.length > 0) yield keys
  } while (cursor !== '0')
}
