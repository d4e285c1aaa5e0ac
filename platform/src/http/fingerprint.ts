/** JSON with object keys sorted at every level, so `{a,b}` and `{b,a}` are the same request. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  })
}

/** What makes two requests "the same" for Idempotency-Key (SPEC §3). */
export interface RequestIdentity {
  method: string
  target: string
  userId: number | null
  body: unknown
}

/** SHA-256 over method, path with query, user and canonical body. */
export function requestFingerprint(identity: RequestIdentity): string {
  const { method, target, userId, body } = identity
  return new Bun.CryptoHasher('sha256').update(canonicalJson([method, target, userId, body])).digest('hex')
}
