export { createRedis, type RedisClient, redisCheck } from './create-redis'
