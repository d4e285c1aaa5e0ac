import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, Timestamp } from '../common'

/** A member finished registering (member and credential both exist). */
export const UserRegisteredV1 = defineEvent({
  type: 'user.registered',
  version: 1,
  source: '/commerce/user',
  aggregateType: 'user', // topic commerce.user.events
  // Key: the user id, so one member's events stay in order.
  key: (data) => String(data.userId),
  subject: (data) => `user/${data.userId}`,
  data: Type.Object({
    userId: Id,
    email: Type.String({ minLength: 3 }),
    name: Type.String({ minLength: 1 }),
    registeredAt: Timestamp,
  }),
})
export type UserRegisteredV1 = EventOf<typeof UserRegisteredV1>
