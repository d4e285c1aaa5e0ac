import type { RedisClient } from '@commerce/platform/redis'

/**
 * Cached reads are keyed by a catalog-wide generation held in Redis; every write that changes what a read shows bumps it
 * AFTER its transaction committed and BEFORE it answers. A reader that raced the write cached the old data under the
 * old generation, which nobody reads any more, so a write that was acknowledged is never followed by a stale read —
 * with any number of replicas. (Consumers bump after their final step; a TTL on entries bounds a lost bump.)
 */
export const generationKey = 'catalog:cache:generation'

/** Invalidates every cached read: call after the write's transaction committed, before answering. */
export async function bumpGeneration(redis: RedisClient): Promise<void> {
  await redis.incr(generationKey)
}
