import type { EventMeta } from '@commerce/contracts'
import { UserLockedV1 } from '@commerce/contracts/user'
import { appendOutbox } from '@commerce/platform/outbox'
import { eq } from 'drizzle-orm'
import type { UserTx } from '../db'
import { members } from '../db/schema'
import { MemberErrors } from '../domain/errors'

/** An admin locks a member: LOCKED and `user.locked` (auth refuses its logins and revokes its refresh families). */
export async function lockMember(tx: UserTx, input: { memberId: number }, meta: EventMeta): Promise<void> {
  const [member] = await tx.select().from(members).where(eq(members.id, input.memberId)).for('update')
  if (!member || member.status === 'PENDING') throw MemberErrors.memberNotFound()
  if (member.status === 'LOCKED') throw MemberErrors.alreadyLocked()
  if (member.status === 'WITHDRAWN') throw MemberErrors.alreadyWithdrawn()
  if (member.role === 'ADMIN') throw MemberErrors.adminCannotBeLocked()
  await tx.update(members).set({ status: 'LOCKED', updatedAt: meta.now }).where(eq(members.id, member.id))
  await appendOutbox(tx, UserLockedV1.create({ userId: member.id, lockedAt: meta.now.toISOString() }, meta))
}
