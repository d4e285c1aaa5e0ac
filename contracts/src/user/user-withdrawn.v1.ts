import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, Timestamp } from '../common'
import { aboutUser } from '../routing'
import { userEvent } from './define'

/** A member left; consumers drop or anonymise what they keep about them. */
export const UserWithdrawnV1 = userEvent({
  type: 'user.withdrawn',
  version: 1,
  ...aboutUser,
  data: Type.Object({
    userId: Id,
    withdrawnAt: Timestamp,
  }),
})
export type UserWithdrawnV1 = EventOf<typeof UserWithdrawnV1>
