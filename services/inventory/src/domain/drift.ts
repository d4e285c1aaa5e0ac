import type { StockItem } from './items'

// Drift between inventory's stores: what `reconcile` compares, as pure functions of what it read.

/** Available and reserved units of one SKU, as one store holds them. */
export interface StockPair {
  available: number
  reserved: number
}

/** One SKU in the three places that should agree: Redis, the balance row, and the sums of its ledger rows. */
export interface SkuState {
  skuId: number
  /** Null when Redis has no stock key for the SKU (a reserved key alone still shows up, available null). */
  redis: { available: number | null; reserved: number | null } | null
  /** Null when MariaDB has no balance row. */
  balance: StockPair | null
  /** Σ available_delta and Σ reserved_delta of its ledger rows (zeros when it has none). */
  ledger: StockPair
}

/** One order's reservation as one store holds it. */
export interface ReservationSide {
  status: string
  items: StockItem[]
  /** Epoch ms; null when the record has none. */
  expiresAt: number | null
}

export interface ReservationState {
  orderId: number
  redis: ReservationSide | null
  mariadb: ReservationSide | null
}

export type SkuProblem = 'missing-in-redis' | 'missing-in-mariadb' | 'redis-vs-balance' | 'balance-vs-ledger'
export type ReservationProblem = 'missing-in-redis' | 'missing-in-mariadb' | 'status' | 'items' | 'expiry'

/** A SKU whose stores disagree: every value, and what disagrees. */
export interface SkuDrift extends SkuState {
  problems: SkuProblem[]
}

/** An order whose reservation is open in one store and not in the other (or open in both, differently). */
export interface ReservationDrift extends ReservationState {
  problems: ReservationProblem[]
}

const same = (a: { available: number | null; reserved: number | null }, b: { available: number; reserved: number }) =>
  a.available === b.available && a.reserved === b.reserved

/** What disagrees for one SKU: Redis against its balance row, the balance row against the ledger sums. */
export function skuProblems({ redis, balance, ledger }: SkuState): SkuProblem[] {
  const problems: SkuProblem[] = []
  if (balance && !redis) problems.push('missing-in-redis')
  if (!balance && redis) problems.push('missing-in-mariadb')
  if (balance && redis && !same(redis, balance)) problems.push('redis-vs-balance')
  if (!same(balance ?? { available: 0, reserved: 0 }, ledger)) problems.push('balance-vs-ledger')
  return problems
}

const itemsKey = (items: StockItem[]) =>
  [...items]
    .sort((a, b) => a.skuId - b.skuId)
    .map((i) => `${i.skuId}x${i.quantity}`)
    .join(',')

/** What disagrees for one order: only open (RESERVED) reservations count; finished ones hold no stock. */
export function reservationProblems({ redis, mariadb }: ReservationState): ReservationProblem[] {
  const openInRedis = redis?.status === 'RESERVED'
  const openInMariaDb = mariadb?.status === 'RESERVED'
  if (!openInRedis && !openInMariaDb) return []
  if (openInRedis !== openInMariaDb) {
    if (openInRedis) return [mariadb ? 'status' : 'missing-in-mariadb']
    return [redis ? 'status' : 'missing-in-redis']
  }
  const problems: ReservationProblem[] = []
  if (itemsKey(redis?.items ?? []) !== itemsKey(mariadb?.items ?? [])) problems.push('items')
  if (redis?.expiresAt !== mariadb?.expiresAt) problems.push('expiry')
  return problems
}

type Pair = { available: number | null; reserved: number | null } | null
const difference = (a: Pair, b: Pair) =>
  a && b ? [(a.available ?? Number.NaN) - (b.available ?? 0), (a.reserved ?? Number.NaN) - (b.reserved ?? 0)] : null

/**
 * How a SKU disagrees: its problems and the differences between the stores, not their totals. Read twice, a real
 * drift keeps its signature while traffic moves the totals; a movement caught between its script and its commit
 * does not.
 */
export const skuSignature = (state: SkuState, problems: SkuProblem[]) =>
  JSON.stringify([problems, difference(state.redis, state.balance), difference(state.balance, state.ledger)])

/** How an order's reservation disagrees: its problems and each store's status. */
export const reservationSignature = (state: ReservationState, problems: ReservationProblem[]) =>
  JSON.stringify([problems, state.redis?.status ?? null, state.mariadb?.status ?? null])
