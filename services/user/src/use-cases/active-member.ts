import { and, eq } from 'drizzle-orm'
import type { UserTx } from '../db'
import { members } from '../db/schema'
import { MemberErrors } from '../domain/errors'

/**
 * The ACTIVE member, row-locked for the rest of the transaction: writes that count or re-point a member's addresses
 * serialize on it. A pending, withdrawn or locked member is not found (MEMBER-404-001).
 */
export async function lockActiveMember(tx: UserTx, memberId: number) {
  const [member] = await tx
    .select()
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.status, 'ACTIVE')))
    .for('update')
  if (!member) throw MemberErrors.memberNotFound()
  return member
}
