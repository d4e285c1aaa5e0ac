/** How many live (not deleted) addresses a member may keep (original §2.1). */
export const maxAddresses = 10

interface LiveAddress {
  id: number
  isDefault: boolean
  createdAt: Date
}

/** Whether a new address becomes the default: the first one always does, later ones when asked. */
export const newAddressIsDefault = (liveCount: number, requested: boolean | undefined): boolean =>
  liveCount === 0 || requested === true

/**
 * The address to promote after the default was deleted or unset: the newest remaining one (ties by id), so exactly
 * one default remains while any address does.
 */
export function successorOf<A extends LiveAddress>(remaining: A[]): A | undefined {
  return remaining.reduce<A | undefined>((newest, a) => {
    if (!newest) return a
    const byTime = a.createdAt.getTime() - newest.createdAt.getTime()
    return byTime > 0 || (byTime === 0 && a.id > newest.id) ? a : newest
  }, undefined)
}

/** Defaults first, then newest first: the order of the address list. */
export function listOrder<A extends LiveAddress>(list: A[]): A[] {
  return [...list].sort(
    (a, b) => Number(b.isDefault) - Number(a.isDefault) || b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id,
  )
}
