import type { Db } from '@commerce/platform/db'
import { eq } from 'drizzle-orm'
import { credentials, credentialTombstones } from '../db/schema'
import { type CredentialStatus, type CredentialView, rolesFromColumn } from '../domain/credential'

type CredentialRow = typeof credentials.$inferSelect

/** The API view of a stored credential (never its hash). */
export const toView = (row: CredentialRow): CredentialView => ({
  userId: row.userId,
  email: row.email,
  roles: rolesFromColumn(row.roles),
  status: row.status as CredentialStatus,
})

/** The credential of a user id, if any. */
export async function findCredentialByUser(db: Db, userId: number): Promise<CredentialRow | undefined> {
  const [row] = await db.select().from(credentials).where(eq(credentials.userId, userId))
  return row
}

/** The credential of a normalized email, if any. */
export async function findCredentialByEmail(db: Db, email: string): Promise<CredentialRow | undefined> {
  const [row] = await db.select().from(credentials).where(eq(credentials.email, email))
  return row
}

/** True when the user id was cancelled (DELETE /internal/credentials/:userId). */
export async function isCancelled(db: Db, userId: number): Promise<boolean> {
  const [row] = await db.select().from(credentialTombstones).where(eq(credentialTombstones.userId, userId))
  return row !== undefined
}
