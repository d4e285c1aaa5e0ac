import type { Logger } from '@commerce/platform/log'
import type { RedisClient } from '@commerce/platform/redis'

/**
 * Cached reads are keyed by a catalog-wide generation held in Redis; every write that changes what a read shows bumps it
 * AFTER its transaction committed and BEFORE it answers. A reader that raced the write cached the old data under the
 * old generation, which nobody reads any more, so a write that was acknowledged is never followed by a stale read —
 * with any number of replicas. (Consumers bump after their final step; a TTL on entries bounds a lost bump.)
 */
export const generationKey = 'catalog:cache:generation'

/** The safety net: an entry lives at most this long, so a bump lost to a crash or an outage heals by itself. */
export const cacheTtlSeconds = 60

/** Invalidates every cached read: call after the write's transaction committed, before answering. */
export async function bumpGeneration(redis: RedisClient): Promise<void> {
  await redis.incr(generationKey)
}

/** What a cached read needs: the Redis client, and a logger for the outages it rides through. */
export interface ReadCache {
  redis: RedisClient
  logger: Logger
}

// One round trip: the current generation and the entry under it (a nil entry ends the Lua table, so it is absent).
const lookupScript = `local g = redis.call('GET', KEYS[1]) or '0'
return {g, redis.call('GET', 'catalog:cache:' .. g .. ':' .. ARGV[1])}`

const entryKey = (generation: string, key: string) => `catalog:cache:${generation}:${key}`

/**
 * `load()`'s answer through the cache under the current generation. Redis is an accelerator, never a dependency: when it
 * is down or fails, the read goes to the database and the answer is not cached.
 */
export async function cachedRead<T>(cache: ReadCache, key: string, load: () => Promise<T>): Promise<T> {
  if (cache.redis.status !== 'ready') return load()
  let generation: string
  try {
    const [current, entry] = (await cache.redis.eval(lookupScript, 1, generationKey, key)) as [string, string?]
    if (entry !== undefined && entry !== null) return JSON.parse(entry) as T
    generation = current
  } catch (error) {
    cache.logger.warn('read cache unavailable, reading the database', { error })
    return load()
  }
  const value = await load()
  // Not awaited: the answer does not wait for the cache, and a failed store only costs the next reader a miss.
  cache.redis
    .set(entryKey(generation, key), JSON.stringify(value), 'EX', cacheTtlSeconds)
    .catch((error: unknown) => cache.logger.warn('read cache store failed', { error }))
  return value
}
