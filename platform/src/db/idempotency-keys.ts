import { and, eq, lt } from 'drizzle-orm'
import { isDuplicateKey } from './errors'
import { idempotencyKeys } from './tables'
import type { AnyTx, Db } from './types'

/** One caller's key: `scope` is the caller (`user:42`, `anon`), `key` the Idempotency-Key header. */
export interface IdempotencyKeyRef {
  scope: string
  key: string
}

/** The answer kept for replay: status, content type and the body as sent. */
export interface StoredAnswer {
  status: number
  contentType: string
  body: string
}

/** A key row as found: the request it belongs to, and its answer (null while its request is still running). */
export interface IdempotencyRecord {
  fingerprint: string
  answer: StoredAnswer | null
}

/**
 * Inserts the key row in the caller's transaction; false when the key already exists (the caller ends its transaction
 * and reads the record with `findIdempotencyKey`). A concurrent holder of the key makes this wait until it commits
 * (then false) or rolls back (then true): the unique key, not a lock service, decides who runs.
 */
export async function claimIdempotencyKey(
  tx: AnyTx,
  entry: IdempotencyKeyRef & { fingerprint: string; now: Date },
): Promise<boolean> {
  try {
    await tx.insert(idempotencyKeys).values({ ...entry, createdAt: entry.now })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/** Stores the final answer on a claimed key, in the transaction that holds the claim. */
export async function storeIdempotentAnswer(tx: AnyTx, ref: IdempotencyKeyRef, answer: StoredAnswer): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set(answer)
    .where(and(eq(idempotencyKeys.scope, ref.scope), eq(idempotencyKeys.key, ref.key)))
}

/** The committed record of a key, if any. */
export async function findIdempotencyKey(db: Db, ref: IdempotencyKeyRef): Promise<IdempotencyRecord | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, ref.scope), eq(idempotencyKeys.key, ref.key)))
  if (!row) return undefined
  const { fingerprint, status, contentType, body } = row
  const answer = status === null ? null : { status, contentType: contentType ?? 'application/json', body: body ?? '' }
  return { fingerprint, answer }
}

/**
 * Deletes key records older than `olderThan` (at most `limit` per call). SPEC §3 replays answers for 24 h; a key
 * pruned earlier would run its request again.
 */
export async function pruneIdempotencyKeys(db: Db, options: { olderThan: Date; limit?: number }): Promise<number> {
  const [result] = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, options.olderThan))
    .limit(options.limit ?? 10_000)
  return result.affectedRows
}
