import type { Redis } from 'ioredis'

/** A response kept for replay: status, raw body and its content type. */
export interface StoredResponse {
  status: number
  body: string
  contentType: string
}

/** Proof of owning a key while its first request runs; `value` is what we wrote, compared before we overwrite. */
export interface Claim {
  key: string
  value: string
}

/** What `claim` found: the key is ours now, or a request with it is running, or it has finished. */
export type ClaimResult =
  | { kind: 'claimed'; claim: Claim }
  | { kind: 'in-flight'; fingerprint: string }
  | { kind: 'completed'; fingerprint: string; response: StoredResponse }

/** Idempotency-Key records: claim atomically, then complete (keep the response) or release (allow a retry). */
export interface IdempotencyStore {
  claim(key: string, fingerprint: string): Promise<ClaimResult>
  complete(claim: Claim, response: StoredResponse): Promise<void>
  release(claim: Claim): Promise<void>
}

/** TTLs in seconds; `inFlightTtlSeconds` frees a key whose owner died mid-request, so keep it above any request time. */
export interface IdempotencyStoreOptions {
  ttlSeconds?: number
  inFlightTtlSeconds?: number
  prefix?: string
}

type StoredRecord =
  | { state: 'in-flight'; fingerprint: string; token: string }
  | ({ state: 'completed'; fingerprint: string } & StoredResponse)

// GET-or-SET in one step: two concurrent requests can never both see the key as free.
const claimScript = `local current = redis.call('GET', KEYS[1])
if current then return current end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return false`

// Compare-and-set / compare-and-delete: only the claim's owner may finish it, and only while it still holds it.
const completeScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) return 1 end
return 0`
const releaseScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`

function toResult(stored: string): ClaimResult {
  const record = JSON.parse(stored) as StoredRecord
  if (record.state === 'in-flight') return { kind: 'in-flight', fingerprint: record.fingerprint }
  const { status, body, contentType, fingerprint } = record
  return { kind: 'completed', fingerprint, response: { status, body, contentType } }
}

/** Redis-backed store; records live `ttlSeconds` (24 h by default, SPEC §3). */
export function createIdempotencyStore(redis: Redis, options: IdempotencyStoreOptions = {}): IdempotencyStore {
  const { ttlSeconds = 86_400, inFlightTtlSeconds = 60, prefix = 'idempotency:' } = options
  return {
    async claim(key, fingerprint) {
      const value = JSON.stringify({ state: 'in-flight', fingerprint, token: Bun.randomUUIDv7() })
      const current = await redis.eval(claimScript, 1, prefix + key, value, inFlightTtlSeconds)
      return typeof current === 'string' ? toResult(current) : { kind: 'claimed', claim: { key, value } }
    },
    async complete(claim, response) {
      const { fingerprint } = JSON.parse(claim.value) as { fingerprint: string }
      const record = JSON.stringify({ state: 'completed', fingerprint, ...response })
      await redis.eval(completeScript, 1, prefix + claim.key, claim.value, record, ttlSeconds)
    },
    async release(claim) {
      await redis.eval(releaseScript, 1, prefix + claim.key, claim.value)
    },
  }
}
