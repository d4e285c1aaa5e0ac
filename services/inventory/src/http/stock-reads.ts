import { CommonErrors } from '@commerce/platform/http'
import type { Redis } from 'ioredis'
import { stockKeys } from '../db/stock-store'
import { InventoryErrors } from '../domain/errors'
import { type StockView, stockView } from '../use-cases/adjust-stock'

export interface BulkEntry extends StockView {
  known: boolean
}

// Redis without `inventory:ready` lost its stock and is being rebuilt: every SKU would look unknown, which it is not.
const notReady = () => CommonErrors.unavailable('Stock is being rebuilt from the ledger; retry shortly')

const view = (skuId: number, available: string, reserved: string | null | undefined): StockView =>
  stockView(skuId, { available: Number(available), reserved: reserved ? Number(reserved) : 0 })

/**
 * The public stock reads, straight from Redis in one MGET each (SPEC §7 keys). `inventory:ready` rides along in the
 * same MGET, so a SKU missing only because Redis is being rebuilt answers 503, not 404.
 */
export function stockReads(redis: Pick<Redis, 'mget'>) {
  const { ready } = stockKeys
  return {
    /** One SKU; unknown → 404 INVENTORY-404-002. */
    async one(skuId: number): Promise<StockView> {
      const [available, reserved, isReady] = await redis.mget(
        stockKeys.available(skuId),
        stockKeys.reserved(skuId),
        ready,
      )
      if (available == null) throw isReady == null ? notReady() : InventoryErrors.inventoryNotFound()
      return view(skuId, available, reserved)
    },
    /** Each distinct SKU once, in the order first asked; unknown ones as zeros with `known: false`. */
    async many(skuIds: number[]): Promise<BulkEntry[]> {
      const distinct = [...new Set(skuIds)]
      const keys: string[] = [ready]
      for (const skuId of distinct) keys.push(stockKeys.available(skuId), stockKeys.reserved(skuId))
      const [isReady, ...values] = await redis.mget(...keys)
      return distinct.map((skuId, i) => {
        const available = values[2 * i]
        if (available != null) return { ...view(skuId, available, values[2 * i + 1]), known: true }
        if (isReady == null) throw notReady()
        return { skuId, onHand: 0, reserved: 0, available: 0, known: false }
      })
    },
  }
}
