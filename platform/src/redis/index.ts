export { createRedis, type RedisClient, redisCheck } from './create-redis'
export {
  type Claim,
  type ClaimResult,
  createIdempotencyStore,
  type IdempotencyStore,
  type IdempotencyStoreOptions,
  type StoredResponse,
} from './idempotency-store'
