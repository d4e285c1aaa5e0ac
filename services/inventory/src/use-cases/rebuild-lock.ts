import type { RedisClient } from '@commerce/platform/redis'
import { stockKeys } from '../db/stock-store'

const lockKey = 'inventory:rebuild-lock'

// Compare-and-act on the lock's token: a lock that expired or vanished (a flush) belongs to nobody, or to another
// replica's rebuild now, and must be neither extended, nor released, nor trusted to set `ready`.
const extendLua = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`
const readyLua = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
return 1`
const releaseLua = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`

/** This rebuild lost its lock (it expired, or Redis was flushed meanwhile): another rebuild owns Redis now. */
export class RebuildLockLost extends Error {
  override name = 'RebuildLockLost'
}

/** The one-replica-at-a-time lock of a rebuild, held while `hold()` keeps succeeding. */
export interface RebuildLock {
  /** Extends the lock (call between batches); throws RebuildLockLost when it is not ours any more, or `signal` fired. */
  hold(): Promise<void>
  /** Sets `inventory:ready` if the lock is still ours, in one step; false when it was lost. */
  markReady(): Promise<boolean>
  release(): Promise<void>
}

/** Takes the rebuild lock for `ms` (extended by `hold`), or undefined when another replica holds it. */
export async function takeRebuildLock(
  redis: RedisClient,
  options: { ms: number; signal?: AbortSignal | undefined },
): Promise<RebuildLock | undefined> {
  const token = crypto.randomUUID()
  if ((await redis.set(lockKey, token, 'PX', options.ms, 'NX')) !== 'OK') return undefined
  return {
    async hold() {
      options.signal?.throwIfAborted()
      if ((await redis.eval(extendLua, 1, lockKey, token, options.ms)) !== 1) throw new RebuildLockLost()
    },
    async markReady() {
      return (await redis.eval(readyLua, 2, lockKey, stockKeys.ready, token, new Date().toISOString())) === 1
    },
    async release() {
      await redis.eval(releaseLua, 1, lockKey, token)
    },
  }
}

/** Whether some replica is rebuilding right now. */
export const rebuildRunning = async (redis: RedisClient) => (await redis.exists(lockKey)) === 1

export const rebuildLockKey = lockKey
