import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, Timestamp } from '../common'
import { aboutUser } from '../routing'
import { userEvent } from './define'

/** A member finished registering (member and credential both exist). */
export const UserRegisteredV1 = userEvent({
  type: 'user.registered',
  version: 1,
  ...aboutUser,
  data: Type.Object({
    userId: Id,
    email: Type.String({ minLength: 3 }),
    name: Type.String({ minLength: 1 }),
    registeredAt: Timestamp,
  }),
})
export type UserRegisteredV1 = EventOf<typeof UserRegisteredV1>
