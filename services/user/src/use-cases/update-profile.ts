import type { EventMeta } from '@commerce/contracts'
import { and, eq, ne } from 'drizzle-orm'
import type { UserTx } from '../db'
import { members } from '../db/schema'
import { MemberErrors } from '../domain/errors'
import { memberView } from '../domain/member'

/** A profile change: an absent field stays as it is, `phone: null` clears the phone. */
export interface ProfileChange {
  memberId: number
  name?: string | undefined
  phone?: string | null | undefined
}

/**
 * Changes a member's name or phone. `onlyActive` (the member's own /me) sees ACTIVE members only; an admin may edit
 * any member that finished registering.
 */
export async function updateProfile(tx: UserTx, input: ProfileChange & { onlyActive: boolean }, meta: EventMeta) {
  const { memberId, name, phone, onlyActive } = input
  const visible = onlyActive ? eq(members.status, 'ACTIVE') : ne(members.status, 'PENDING')
  const where = and(eq(members.id, memberId), visible)
  const [member] = await tx.select().from(members).where(where).for('update')
  if (!member) throw MemberErrors.memberNotFound()
  const changes = {
    ...(name === undefined ? {} : { name }),
    ...(phone === undefined ? {} : { phone }),
    updatedAt: meta.now,
  }
  await tx.update(members).set(changes).where(eq(members.id, memberId))
  return memberView({ ...member, ...changes })
}
