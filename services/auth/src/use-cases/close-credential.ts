import type { AnyTx } from '@commerce/platform/db'
import { and, eq, ne } from 'drizzle-orm'
import { credentials } from '../db/schema'
import { revokeUserFamilies } from './revoke-families'

/**
 * A member withdrew or was locked (user's events): the credential stops signing in and every refresh family of the
 * user is revoked, so access ends within one access-token lifetime. WITHDRAWN is final: a later lock keeps it.
 */
export async function closeCredential(
  tx: AnyTx,
  input: { userId: number; status: 'WITHDRAWN' | 'LOCKED' },
  now: Date,
): Promise<void> {
  const { userId, status } = input
  await tx
    .update(credentials)
    .set({ status, updatedAt: now })
    .where(and(eq(credentials.userId, userId), ne(credentials.status, 'WITHDRAWN')))
  await revokeUserFamilies(tx, { userId, reason: status }, now)
}
