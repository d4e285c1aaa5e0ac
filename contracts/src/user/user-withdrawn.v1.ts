import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, Timestamp } from '../common'

/** A member left; consumers drop or anonymise what they keep about them. */
export const UserWithdrawnV1 = defineEvent({
  type: 'user.withdrawn',
  version: 1,
  source: '/commerce/user',
  aggregateType: 'user', // topic commerce.user.events
  // Key: the user id, so one member's events stay in order.
  key: (data) => String(data.userId),
  subject: (data) => `user/${data.userId}`,
  data: Type.Object({
    userId: Id,
    withdrawnAt: Timestamp,
  }),
})
export type UserWithdrawnV1 = EventOf<typeof UserWithdrawnV1>
