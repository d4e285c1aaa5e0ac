/** When a key signs or is published: a signer has no `retiredAt`. */
export interface KeyLifetime {
  createdAt: Date
  retiredAt: Date | null
}

/**
 * A retired key stays published until every token it signed has expired (`accessTtlMs`) plus a margin for cached
 * JWKS copies and clock skew (`graceMs`).
 */
export function isPublished(key: KeyLifetime, window: { accessTtlMs: number; graceMs: number }, now: Date): boolean {
  if (!key.retiredAt) return true
  return now.getTime() < key.retiredAt.getTime() + window.accessTtlMs + window.graceMs
}

/** The oldest `retiredAt` a still-published key may have. */
export const publishedSince = (window: { accessTtlMs: number; graceMs: number }, now: Date) =>
  new Date(now.getTime() - window.accessTtlMs - window.graceMs)

/** True when the signer is older than the rotation period. */
export const isDueForRotation = (signerCreatedAt: Date, rotationMs: number, now: Date) =>
  now.getTime() - signerCreatedAt.getTime() >= rotationMs
