import type { AnyTx } from '@commerce/platform/db'
import { refreshFamilies, refreshTokens } from '../db/schema'
import { hashRefreshToken, newRefreshToken } from '../domain/refresh-token'
import { type LoginAttempt, recordLogin } from './record-login'

/**
 * A successful login, in the caller's transaction: a new refresh family with its first ACTIVE token and the SUCCESS
 * history row. Returns the opaque token (only its hash is stored).
 */
export async function startSession(
  tx: AnyTx,
  input: { userId: number; attempt: LoginAttempt; refreshTtlMs: number },
  now: Date,
): Promise<string> {
  const expiresAt = new Date(now.getTime() + input.refreshTtlMs)
  const [family] = await tx.insert(refreshFamilies).values({ userId: input.userId, createdAt: now, expiresAt })
  const token = newRefreshToken()
  await tx.insert(refreshTokens).values({
    tokenHash: hashRefreshToken(token),
    familyId: family.insertId,
    status: 'ACTIVE',
    createdAt: now,
    expiresAt,
  })
  await recordLogin(tx, input.attempt, { outcome: 'SUCCESS', userId: input.userId, at: now })
  return token
}
