import { and, eq, isNull, ne } from 'drizzle-orm'
import type { UserTx } from '../db'
import { addresses } from '../db/schema'
import { successorOf } from '../domain/addresses'
import { MemberErrors } from '../domain/errors'

/** A stored address as its owner sees it. */
export type AddressRow = typeof addresses.$inferSelect

/** The public view of an address. */
export const addressView = (a: AddressRow) => ({
  id: a.id,
  label: a.label,
  recipient: a.recipient,
  phone: a.phone,
  zipCode: a.zipCode,
  address: a.address,
  addressDetail: a.addressDetail,
  isDefault: a.isDefault,
})

const live = (memberId: number) => and(eq(addresses.memberId, memberId), isNull(addresses.deletedAt))

/** A member's live addresses (call after locking the member when the result decides a write). */
export const liveAddresses = (tx: UserTx, memberId: number) => tx.select().from(addresses).where(live(memberId))

/** One of the member's live addresses; another member's, a deleted or an unknown one is MEMBER-404-002 alike. */
export async function ownAddress(tx: UserTx, ref: { memberId: number; addressId: number }) {
  const [row] = await tx
    .select()
    .from(addresses)
    .where(and(live(ref.memberId), eq(addresses.id, ref.addressId)))
  if (!row) throw MemberErrors.addressNotFound()
  return row
}

/** Makes `addressId` the member's only default. */
export async function makeDefault(tx: UserTx, ref: { memberId: number; addressId: number }, now: Date) {
  await tx
    .update(addresses)
    .set({ isDefault: false, updatedAt: now })
    .where(and(live(ref.memberId), ne(addresses.id, ref.addressId), eq(addresses.isDefault, true)))
  await tx.update(addresses).set({ isDefault: true, updatedAt: now }).where(eq(addresses.id, ref.addressId))
}

/** After the default was deleted or unset: the newest other live address becomes the default, if any is left. */
export async function promoteSuccessor(tx: UserTx, ref: { memberId: number; addressId: number }, now: Date) {
  const others = (await liveAddresses(tx, ref.memberId)).filter((a) => a.id !== ref.addressId)
  const successor = successorOf(others)
  if (!successor) return false
  await makeDefault(tx, { memberId: ref.memberId, addressId: successor.id }, now)
  return true
}
