import { UserWithdrawnV1 } from '@commerce/contracts/user'
import { handle } from '@commerce/platform/kafka'
import { closeCredential } from '../use-cases/close-credential'

/** A member withdrew: their credential is WITHDRAWN and every refresh family revoked. */
export const onUserWithdrawn = handle(UserWithdrawnV1, async (event, { tx, meta }) => {
  await closeCredential(tx, { userId: event.data.userId, status: 'WITHDRAWN' }, meta.now)
})
