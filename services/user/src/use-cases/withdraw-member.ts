import type { EventMeta } from '@commerce/contracts'
import { UserWithdrawnV1 } from '@commerce/contracts/user'
import { appendOutbox } from '@commerce/platform/outbox'
import { eq } from 'drizzle-orm'
import type { UserTx } from '../db'
import { members } from '../db/schema'
import { MemberErrors } from '../domain/errors'
import { lockActiveMember } from './active-member'

/** The member leaves: WITHDRAWN and `user.withdrawn` (auth revokes its refresh families and refuses its logins). */
export async function withdrawMember(tx: UserTx, input: { memberId: number }, meta: EventMeta): Promise<void> {
  const member = await lockActiveMember(tx, input.memberId)
  if (member.role === 'ADMIN') throw MemberErrors.adminCannotWithdraw()
  await tx.update(members).set({ status: 'WITHDRAWN', updatedAt: meta.now }).where(eq(members.id, member.id))
  await appendOutbox(tx, UserWithdrawnV1.create({ userId: member.id, withdrawnAt: meta.now.toISOString() }, meta))
}
