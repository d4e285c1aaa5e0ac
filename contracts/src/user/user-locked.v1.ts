import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, Timestamp } from '../common'

/**
 * An admin locked a member: they may no longer sign in. Not in SPEC §5's list; added because auth must learn of the
 * lock to refuse logins and revoke refresh-token families (issue 8), as it learns of a withdrawal.
 */
export const UserLockedV1 = defineEvent({
  type: 'user.locked',
  version: 1,
  source: '/commerce/user',
  aggregateType: 'user', // topic commerce.user.events
  // Key: the user id, so one member's events stay in order.
  key: (data) => String(data.userId),
  subject: (data) => `user/${data.userId}`,
  data: Type.Object({
    userId: Id,
    lockedAt: Timestamp,
  }),
})
export type UserLockedV1 = EventOf<typeof UserLockedV1>
