import { UserLockedV1 } from '@commerce/contracts/user'
import { handle } from '@commerce/platform/kafka'
import { closeCredential } from '../use-cases/close-credential'

/** An admin locked a member: their credential is LOCKED and every refresh family revoked. */
export const onUserLocked = handle(UserLockedV1, async (event, { tx, meta }) => {
  await closeCredential(tx, { userId: event.data.userId, status: 'LOCKED' }, meta.now)
})
