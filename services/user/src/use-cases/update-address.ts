import type { EventMeta } from '@commerce/contracts'
import { eq } from 'drizzle-orm'
import type { UserTx } from '../db'
import { addresses } from '../db/schema'
import { lockActiveMember } from './active-member'
import type { AddressFields } from './add-address'
import { addressView, makeDefault, ownAddress, promoteSuccessor } from './address-rows'

/**
 * Changes an address; absent fields stay. `isDefault: true` makes it the only default; `false` on the default hands it
 * to the newest other address (a member's only address stays the default: exactly one default while any exists).
 */
export async function updateAddress(
  tx: UserTx,
  input: { memberId: number; addressId: number; fields: Partial<AddressFields>; isDefault?: boolean | undefined },
  meta: EventMeta,
) {
  const member = await lockActiveMember(tx, input.memberId)
  const ref = { memberId: member.id, addressId: input.addressId }
  const current = await ownAddress(tx, ref)
  if (Object.keys(input.fields).length > 0) {
    await tx
      .update(addresses)
      .set({ ...input.fields, updatedAt: meta.now })
      .where(eq(addresses.id, current.id))
  }
  if (input.isDefault === true && !current.isDefault) await makeDefault(tx, ref, meta.now)
  if (input.isDefault === false && current.isDefault) await promoteSuccessor(tx, ref, meta.now)
  return addressView(await ownAddress(tx, ref))
}
