import type { Logger } from '@commerce/platform/log'
import type { RedisClient } from '@commerce/platform/redis'
import { bumpGeneration } from '../use-cases/read-cache'

/** What catalog's handlers need beyond the runner's context: Redis, to invalidate cached reads after an effect. */
export interface HandlerDeps {
  redis: RedisClient
}

/**
 * Bumps the cache generation after a handler's final step committed. A failure is logged, not thrown: the inbox row is
 * already in, so a retry would do nothing, and the entries' TTL (read-cache.ts) bounds how long one can stay stale.
 */
export async function bumpAfterCommit(deps: HandlerDeps, logger: Logger): Promise<void> {
  try {
    await bumpGeneration(deps.redis)
  } catch (error) {
    logger.warn('cache generation bump failed; cached reads heal within the TTL', { error })
  }
}
