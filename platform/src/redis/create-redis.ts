import { Redis, type RedisOptions } from 'ioredis'

/** An ioredis client that `await using` closes. */
export type RedisClient = Redis & AsyncDisposable

/**
 * Connects to `url` (redis://…). Commands fail after two retries instead of ioredis' twenty, so a request
 * facing a Redis outage answers 503 quickly rather than hanging.
 */
export function createRedis(url: string, options: RedisOptions = {}): RedisClient {
  const client = new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 2000, ...options })
  const dispose = async () => {
    if (client.status !== 'end') await client.quit()
  }
  return Object.assign(client, { [Symbol.asyncDispose]: dispose })
}

/** A readiness check for `healthRoutes`: resolves when Redis answers PING. */
export const redisCheck = (redis: Redis) => async (): Promise<void> => {
  await redis.ping()
}
