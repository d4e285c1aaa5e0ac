import type { Db } from '@commerce/platform/db'
import { inArray, lt } from 'drizzle-orm'
import { loginHistory, refreshFamilies, refreshTokens } from '../db/schema'

const batch = 1000

// Deletes in bounded batches so one run never holds long locks; stops when the signal fires.
async function pruneBatches(deleteBatch: () => Promise<number>, signal: AbortSignal) {
  let total = 0
  for (;;) {
    const deleted = await deleteBatch()
    total += deleted
    if (deleted < batch || signal.aborted) return total
  }
}

/** Deletes expired refresh tokens, families past their last token's expiry, and login history past retention. */
export async function pruneSessions(db: Db, options: { historyBefore: Date; signal: AbortSignal }, now: Date) {
  const tokens = await pruneBatches(async () => {
    const [result] = await db.delete(refreshTokens).where(lt(refreshTokens.expiresAt, now)).limit(batch)
    return result.affectedRows
  }, options.signal)
  const families = await pruneBatches(async () => {
    const expired = await db
      .select({ id: refreshFamilies.id })
      .from(refreshFamilies)
      .where(lt(refreshFamilies.expiresAt, now))
      .limit(batch)
    if (expired.length === 0) return 0
    const ids = expired.map((f) => f.id)
    await db.delete(refreshTokens).where(inArray(refreshTokens.familyId, ids))
    const [result] = await db.delete(refreshFamilies).where(inArray(refreshFamilies.id, ids))
    return result.affectedRows
  }, options.signal)
  const history = await pruneBatches(async () => {
    const [result] = await db.delete(loginHistory).where(lt(loginHistory.at, options.historyBefore)).limit(batch)
    return result.affectedRows
  }, options.signal)
  return { tokens, families, history }
}
