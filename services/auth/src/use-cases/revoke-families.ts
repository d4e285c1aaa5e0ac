import type { AnyTx } from '@commerce/platform/db'
import { and, eq, isNull } from 'drizzle-orm'
import { refreshFamilies } from '../db/schema'

/** Why a refresh family ended. */
export type RevokeReason = 'LOGOUT' | 'REPLAYED' | 'WITHDRAWN' | 'LOCKED' | 'CANCELLED'

/** Revokes every live refresh family of a user in the caller's transaction; returns how many were live. */
export async function revokeUserFamilies(tx: AnyTx, input: { userId: number; reason: RevokeReason }, now: Date) {
  const [result] = await tx
    .update(refreshFamilies)
    .set({ revokedAt: now, revokeReason: input.reason })
    .where(and(eq(refreshFamilies.userId, input.userId), isNull(refreshFamilies.revokedAt)))
  return result.affectedRows
}

/** Revokes one refresh family (no-op when it is already revoked). */
export async function revokeFamily(tx: AnyTx, input: { familyId: number; reason: RevokeReason }, now: Date) {
  await tx
    .update(refreshFamilies)
    .set({ revokedAt: now, revokeReason: input.reason })
    .where(and(eq(refreshFamilies.id, input.familyId), isNull(refreshFamilies.revokedAt)))
}
