import type { AnyTx } from '@commerce/platform/db'
import { eq } from 'drizzle-orm'
import { refreshTokens } from '../db/schema'
import { hashRefreshToken } from '../domain/refresh-token'
import { revokeFamily } from './revoke-families'

/** Revokes the family of a refresh token; an unknown token is not an error (logout is idempotent). */
export async function logOut(tx: AnyTx, token: string, now: Date): Promise<void> {
  const [row] = await tx
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(token)))
  if (row) await revokeFamily(tx, { familyId: row.familyId, reason: 'LOGOUT' }, now)
}
