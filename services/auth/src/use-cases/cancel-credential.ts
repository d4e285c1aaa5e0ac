import type { AnyTx } from '@commerce/platform/db'
import { eq, sql } from 'drizzle-orm'
import { credentials, credentialTombstones } from '../db/schema'
import { revokeUserFamilies } from './revoke-families'

/**
 * Undoes a registration for good, in the caller's transaction: a tombstone (so a late create is refused), the
 * credential deleted if present, its refresh families revoked. Idempotent.
 */
export async function cancelCredential(tx: AnyTx, userId: number, now: Date): Promise<{ deleted: boolean }> {
  await tx
    .insert(credentialTombstones)
    .values({ userId, createdAt: now })
    .onDuplicateKeyUpdate({ set: { userId: sql`${credentialTombstones.userId}` } })
  const [result] = await tx.delete(credentials).where(eq(credentials.userId, userId))
  await revokeUserFamilies(tx, { userId, reason: 'CANCELLED' }, now)
  return { deleted: result.affectedRows > 0 }
}
