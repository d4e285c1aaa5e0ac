import type { EventMeta } from '@commerce/contracts'
import { eq } from 'drizzle-orm'
import type { UserTx } from '../db'
import { addresses } from '../db/schema'
import { lockActiveMember } from './active-member'
import { ownAddress, promoteSuccessor } from './address-rows'

/** Soft-deletes an address; when it was the default, the newest remaining address becomes the default. */
export async function deleteAddress(tx: UserTx, input: { memberId: number; addressId: number }, meta: EventMeta) {
  const member = await lockActiveMember(tx, input.memberId)
  const ref = { memberId: member.id, addressId: input.addressId }
  const current = await ownAddress(tx, ref)
  await tx
    .update(addresses)
    .set({ deletedAt: meta.now, isDefault: false, updatedAt: meta.now })
    .where(eq(addresses.id, current.id))
  if (current.isDefault) await promoteSuccessor(tx, ref, meta.now)
}
