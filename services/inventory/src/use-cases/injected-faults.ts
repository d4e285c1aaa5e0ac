import type { RedisClient } from '@commerce/platform/redis'

/**
 * TEST-ONLY fault switches (`INVENTORY_FAULTS_ENABLED=true`, off in production): the end-to-end saga tests make a
 * stock confirmation fail through HTTP. A switch is a Redis key per SKU, so every replica sees it; it lapses after a
 * day so a forgotten switch cannot outlive a test run. Outside the stock keys the rebuild and reconcile read.
 */
export const faultKeys = {
  confirmFails: (skuId: number) => `inventory:fault:confirm-fails:${skuId}`,
} as const

const switchTtlS = 86_400

/** The switches on one Redis client. */
export function injectedFaults(redis: RedisClient) {
  return {
    /** Turns "confirming an order with this SKU fails" on or off. */
    async setConfirmFails(skuId: number, on: boolean): Promise<void> {
      const key = faultKeys.confirmFails(skuId)
      if (on) await redis.set(key, '1', 'EX', switchTtlS)
      else await redis.del(key)
    },
    /** Whether confirming an order of these SKUs must fail (any one switched on). */
    async confirmFails(skuIds: number[]): Promise<boolean> {
      if (skuIds.length === 0) return false
      return (await redis.exists(...skuIds.map(faultKeys.confirmFails))) > 0
    },
  }
}

export type InjectedFaults = ReturnType<typeof injectedFaults>
