import { Redis, type RedisOptions } from 'ioredis'
import type { Logger } from '../log/index'

/** An ioredis client that `await using` closes. */
export type RedisClient = Redis & AsyncDisposable

/**
 * Connects to `url` (redis://…). Commands fail after two retries instead of ioredis' twenty, so a request
 * facing a Redis outage answers 503 quickly rather than hanging. An outage is logged once (not on every reconnect
 * attempt, which ioredis would print as "Unhandled error event"); readiness (`redisCheck`) and each failing command
 * report it too.
 */
export function createRedis(url: string, options: RedisOptions = {}, logger?: Logger): RedisClient {
  const client = new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 2000, ...options })
  let reported = false
  client.on('error', (error: unknown) => {
    if (!reported) logger?.warn('redis unavailable; reconnecting', { error })
    reported = true
  })
  client.on('ready', () => {
    reported = false
  })
  const dispose = async () => {
    if (client.status !== 'end') await client.quit()
  }
  return Object.assign(client, { [Symbol.asyncDispose]: dispose })
}

/** A readiness check for `healthRoutes`: resolves when Redis answers PING. */
export const redisCheck = (redis: Redis) => async (): Promise<void> => {
  await redis.ping()
}
