import type { EventMeta } from '@commerce/contracts'
import type { UserTx } from '../db'
import { addresses } from '../db/schema'
import { maxAddresses, newAddressIsDefault } from '../domain/addresses'
import { MemberErrors } from '../domain/errors'
import { lockActiveMember } from './active-member'
import { addressView, liveAddresses, makeDefault, ownAddress } from './address-rows'

/** The fields of a new address. */
export interface AddressFields {
  label: string
  recipient: string
  phone: string
  zipCode: string
  address: string
  addressDetail: string
}

/**
 * Adds an address under the member's row lock, so the limit and the single default hold under concurrent adds: the
 * first address is the default, `isDefault: true` takes it over from the others.
 */
export async function addAddress(
  tx: UserTx,
  input: { memberId: number; fields: AddressFields; isDefault?: boolean | undefined },
  meta: EventMeta,
) {
  const member = await lockActiveMember(tx, input.memberId)
  const live = await liveAddresses(tx, member.id)
  if (live.length >= maxAddresses) throw MemberErrors.addressLimit(maxAddresses)
  const isDefault = newAddressIsDefault(live.length, input.isDefault)
  const [inserted] = await tx
    .insert(addresses)
    .values({ ...input.fields, memberId: member.id, isDefault: false, createdAt: meta.now, updatedAt: meta.now })
  const ref = { memberId: member.id, addressId: inserted.insertId }
  if (isDefault) await makeDefault(tx, ref, meta.now)
  return addressView(await ownAddress(tx, ref))
}
