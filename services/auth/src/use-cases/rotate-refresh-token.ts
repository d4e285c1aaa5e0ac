import type { AnyTx } from '@commerce/platform/db'
import { eq } from 'drizzle-orm'
import { credentials, refreshFamilies, refreshTokens } from '../db/schema'
import { rolesFromColumn } from '../domain/credential'
import { hashRefreshToken, newRefreshToken } from '../domain/refresh-token'
import type { AccessTokenInput } from './access-token'
import { revokeFamily } from './revoke-families'

/** What a refresh did: rotated (a new token and who it is for), or refused (a replay has already revoked the family). */
export type RefreshOutcome =
  | { kind: 'rotated'; refreshToken: string; claims: AccessTokenInput }
  | { kind: 'refused'; replayed: boolean }

async function lockedToken(tx: AnyTx, token: string) {
  const [row] = await tx
    .select({ token: refreshTokens, family: refreshFamilies })
    .from(refreshTokens)
    .innerJoin(refreshFamilies, eq(refreshFamilies.id, refreshTokens.familyId))
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(token)))
    .for('update')
  return row
}

/**
 * Rotates a refresh token under its row lock: the presented token becomes ROTATED, a new ACTIVE one joins the same
 * family. A token already rotated is a replay: the family is revoked (the caller commits that, then answers 401).
 * Unknown, expired or revoked tokens, and credentials no longer ACTIVE, are refused.
 */
export async function rotateRefreshToken(
  tx: AnyTx,
  input: { token: string; refreshTtlMs: number },
  now: Date,
): Promise<RefreshOutcome> {
  const found = await lockedToken(tx, input.token)
  if (!found || found.family.revokedAt) return { kind: 'refused', replayed: false }
  const { token, family } = found
  if (token.status !== 'ACTIVE') {
    await revokeFamily(tx, { familyId: family.id, reason: 'REPLAYED' }, now)
    return { kind: 'refused', replayed: true }
  }
  if (token.expiresAt <= now) return { kind: 'refused', replayed: false }
  const [credential] = await tx.select().from(credentials).where(eq(credentials.userId, family.userId))
  if (credential?.status !== 'ACTIVE') return { kind: 'refused', replayed: false }
  const expiresAt = new Date(now.getTime() + input.refreshTtlMs)
  const next = newRefreshToken()
  await tx.update(refreshTokens).set({ status: 'ROTATED' }).where(eq(refreshTokens.id, token.id))
  await tx
    .insert(refreshTokens)
    .values({ tokenHash: hashRefreshToken(next), familyId: family.id, status: 'ACTIVE', createdAt: now, expiresAt })
  await tx.update(refreshFamilies).set({ expiresAt }).where(eq(refreshFamilies.id, family.id))
  const claims = { userId: credential.userId, email: credential.email, roles: rolesFromColumn(credential.roles) }
  return { kind: 'rotated', refreshToken: next, claims }
}
