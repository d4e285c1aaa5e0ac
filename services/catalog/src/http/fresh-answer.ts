import type { RedisClient } from '@commerce/platform/redis'
import { bumpGeneration } from '../use-cases/read-cache'

/**
 * Wraps a write's answer: invalidates the read caches first. Call it after the write's transaction committed, so no
 * acknowledged write is followed by a stale read.
 */
export const freshAnswer =
  (redis: RedisClient) =>
  async <T>(answer: T): Promise<T> => {
    await bumpGeneration(redis)
    return answer
  }
