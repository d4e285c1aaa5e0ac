import type { AnyTx } from '@commerce/platform/db'
import { eq } from 'drizzle-orm'
import { credentials, credentialTombstones } from '../db/schema'
import type { CredentialView, Role } from '../domain/credential'
import { rolesToColumn } from '../domain/credential'
import { AuthErrors } from '../domain/errors'

/** A credential to store; the password is already hashed (outside any transaction). */
export interface NewCredential {
  userId: number
  email: string
  passwordHash: string
  roles: Role[]
}

/**
 * Inserts an ACTIVE credential unless the user id was cancelled. The tombstone is read with a locking read, so a
 * concurrent cancel either commits first (and this refuses) or waits for this insert (and then deletes it).
 * A duplicate user id or email surfaces as the driver's ER_DUP_ENTRY for the edge to resolve.
 */
export async function createCredential(tx: AnyTx, input: NewCredential, now: Date): Promise<CredentialView> {
  const tombstones = await tx
    .select()
    .from(credentialTombstones)
    .where(eq(credentialTombstones.userId, input.userId))
    .for('update')
  if (tombstones.length > 0) throw AuthErrors.cancelled()
  await tx.insert(credentials).values({
    userId: input.userId,
    email: input.email,
    passwordHash: input.passwordHash,
    roles: rolesToColumn(input.roles),
    status: 'ACTIVE',
    createdAt: now,
    updatedAt: now,
  })
  return { userId: input.userId, email: input.email, roles: input.roles, status: 'ACTIVE' }
}
