/** The kinds of stock movement; each ledger row is one of them. */
export type MovementKind = 'INITIALIZE' | 'RESERVE' | 'CONFIRM' | 'RELEASE' | 'EXPIRE' | 'RESTOCK' | 'ADJUST'

/** The kinds of stock operation: a movement, or an outcome that moved nothing but must be published once. */
export type OperationKind = MovementKind | 'RESERVE_FAILED' | 'CONFIRM_FAILED'

/**
 * Business keys of stock operations: each is applied once in Redis (the script remembers it) and once in MariaDB
 * (`stock_operations` primary key), whichever event, redelivery or job replica brings it.
 */
export const opKeys = {
  initialize: (skuId: number) => `initialize:${skuId}`,
  reserve: (orderId: number) => `reserve:${orderId}`,
  reservationFailed: (orderId: number) => `reserve-failed:${orderId}`,
  confirm: (orderId: number) => `confirm:${orderId}`,
  confirmFailed: (orderId: number) => `confirm-failed:${orderId}`,
  release: (orderId: number) => `release:${orderId}`,
  expire: (orderId: number) => `expire:${orderId}`,
  restock: (orderId: number, itemId: number) => `restock:${orderId}:${itemId}`,
  adjust: (adjustmentId: string) => `adjust:${adjustmentId}`,
} as const

/** A change of one SKU's balances. */
export interface Movement {
  skuId: number
  availableDelta: number
  reservedDelta: number
}

/** Available stock crossed zero: catalog learns it from `stock.depleted` / `stock.restored`. */
export type Crossing = { skuId: number; to: 'depleted' | 'restored' }

/** Whether moving `before` to `after` crossed zero, and which way. */
export function crossingOf(skuId: number, before: number, after: number): Crossing | undefined {
  if (before > 0 && after <= 0) return { skuId, to: 'depleted' }
  if (before <= 0 && after > 0) return { skuId, to: 'restored' }
  return undefined
}
