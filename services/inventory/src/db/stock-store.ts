import type { StockReservationFailureReason } from '@commerce/contracts/inventory'
import { transient } from '@commerce/platform/errors'
import type { RedisClient } from '@commerce/platform/redis'
import type { StockItem } from '../domain/items'
import { addScript, confirmScript, initializeScript, releaseScript, reserveScript } from './stock-scripts'

/** Redis key names (SPEC §7). `ready` exists only after a rebuild from MariaDB (or a first start on an empty one). */
export const stockKeys = {
  prefix: 'inventory:',
  ready: 'inventory:ready',
  available: (skuId: number) => `inventory:stock:${skuId}`,
  reserved: (skuId: number) => `inventory:reserved:${skuId}`,
  reservation: (orderId: number) => `inventory:reservation:${orderId}`,
  applied: (opKey: string) => `inventory:applied:${opKey}`,
} as const

export type ReservationStatus = 'RESERVED' | 'FAILED' | 'CONFIRMED' | 'RELEASED' | 'EXPIRED' | 'CANCELLED'

/** What a reservation script answered: the record's status after the call and, where there is one, its items. */
export interface ReservationAnswer {
  status: ReservationStatus | 'MISSING' | 'NOT_DUE' | 'NOT_ENOUGH_RESERVED'
  /** True when the record already had this status: the call changed nothing (a redelivery, or a later event). */
  replay: boolean
  items: StockItem[]
  expiresAt?: Date
  failure?: { reason: StockReservationFailureReason; failedItems: FailedItem[] }
}

export interface FailedItem {
  skuId: number
  requestedQuantity: number
  availableQuantity?: number
}

/** What the single-SKU scripts (add, initialize) answered; `available`/`reserved` are Redis' values after it. */
export interface SkuAnswer {
  status: 'APPLIED' | 'CREATED' | 'EXISTS' | 'MISSING' | 'NEGATIVE'
  available?: number
  reserved?: number
}

interface RawAnswer {
  status: string
  replay?: boolean
  items?: string
  expiresAt?: string
  failure?: string
  available?: number
  reserved?: number
}

type LuaItem = { sku: string; qty: number }
/** Items as the scripts store them in a reservation record (`items` field). */
export const toLua = (items: StockItem[]) =>
  JSON.stringify(items.map((i) => ({ sku: String(i.skuId), qty: i.quantity })))
/** Items of a reservation record's `items` field. */
export const fromLua = (json: string | undefined): StockItem[] =>
  json ? (JSON.parse(json) as LuaItem[]).map((i) => ({ skuId: Number(i.sku), quantity: i.qty })) : []

function reservationAnswer(raw: RawAnswer): ReservationAnswer {
  const items = fromLua(raw.items)
  const answer: ReservationAnswer = { status: raw.status as ReservationAnswer['status'], replay: !!raw.replay, items }
  if (raw.expiresAt) answer.expiresAt = new Date(Number(raw.expiresAt))
  if (raw.failure) {
    const failure = JSON.parse(raw.failure) as {
      reason: StockReservationFailureReason
      failed: { index: number; available: number }[]
    }
    const failedItems = failure.failed.map(({ index, available }) => {
      const item = items[index - 1] as StockItem
      const failed: FailedItem = { skuId: item.skuId, requestedQuantity: item.quantity }
      if (available >= 0) failed.availableQuantity = available
      return failed
    })
    answer.failure = { reason: failure.reason, failedItems }
  }
  return answer
}

/** Redis was flushed and not yet rebuilt: the runner retries in place until the guard job has rebuilt it. */
class StockNotReady extends Error {
  override name = 'StockNotReady'
}

function parse(json: string): RawAnswer {
  const raw = JSON.parse(json) as RawAnswer
  if (raw.status === 'NOT_READY') throw transient(new StockNotReady('Redis stock is not rebuilt yet'))
  return raw
}

/** How long the scripts remember: terminal reservation records and applied-operation markers. */
export interface StockMemory {
  /** Seconds a finished reservation record stays in Redis (MariaDB keeps it for good). */
  retentionS: number
  /** Seconds an applied marker (adjust, restock, initialize) stays: longer than any redelivery takes. */
  markerS: number
}

/** The Redis side of inventory: the Lua scripts, loaded once per client (EVALSHA, reloaded on NOSCRIPT by ioredis). */
export function stockStore(redis: RedisClient, memory: StockMemory) {
  const commands = redis as unknown as Record<string, (...args: (string | number)[]) => Promise<string>>
  const define = (name: string, lua: string) => {
    if (!commands[name]) redis.defineCommand(name, { numberOfKeys: 2, lua })
    return (commands[name] as (...args: (string | number)[]) => Promise<string>).bind(redis)
  }
  const reserve = define('inventoryReserve', reserveScript)
  const confirm = define('inventoryConfirm', confirmScript)
  const release = define('inventoryRelease', releaseScript)
  const add = define('inventoryAdd', addScript)
  const initialize = define('inventoryInitialize', initializeScript)
  const { prefix, ready } = stockKeys

  return {
    /** Reserves every item of `orderId` or none; a second call answers the first call's outcome. */
    async reserve(orderId: number, items: StockItem[], expiresAt: Date): Promise<ReservationAnswer> {
      const args = [prefix, toLua(items), expiresAt.getTime(), memory.retentionS]
      return reservationAnswer(parse(await reserve(ready, stockKeys.reservation(orderId), ...args)))
    },
    /** RESERVED → CONFIRMED (reserved units become sold). */
    async confirm(orderId: number): Promise<ReservationAnswer> {
      const args = [prefix, memory.retentionS]
      return reservationAnswer(parse(await confirm(ready, stockKeys.reservation(orderId), ...args)))
    },
    /** RESERVED → RELEASED; no record → a CANCELLED tombstone. */
    async release(orderId: number): Promise<ReservationAnswer> {
      const args = [prefix, memory.retentionS, 'RELEASED', 0]
      return reservationAnswer(parse(await release(ready, stockKeys.reservation(orderId), ...args)))
    },
    /** RESERVED and due at `now` → EXPIRED; not due → NOT_DUE; no record → MISSING. */
    async expire(orderId: number, now: Date): Promise<ReservationAnswer> {
      const args = [prefix, memory.retentionS, 'EXPIRED', now.getTime()]
      return reservationAnswer(parse(await release(ready, stockKeys.reservation(orderId), ...args)))
    },
    /** Adds `delta` to a SKU's available stock once per `opKey`; `floor` refuses a negative result. */
    async add(opKey: string, change: { skuId: number; delta: number; floor: boolean }): Promise<SkuAnswer> {
      const args = [prefix, String(change.skuId), change.delta, memory.markerS, change.floor ? '1' : '0']
      return parse(await add(ready, stockKeys.applied(opKey), ...args)) as SkuAnswer
    },
    /** Creates a SKU's stock at `quantity` once. */
    async initialize(opKey: string, skuId: number, quantity: number): Promise<SkuAnswer> {
      const args = [prefix, String(skuId), quantity, memory.markerS]
      return parse(await initialize(ready, stockKeys.applied(opKey), ...args)) as SkuAnswer
    },
    /** Available and reserved of each SKU (MGET, one round trip); a SKU Redis does not know is absent. */
    async read(skuIds: number[]): Promise<Map<number, { available: number; reserved: number }>> {
      const found = new Map<number, { available: number; reserved: number }>()
      if (skuIds.length === 0) return found
      const keys = skuIds.flatMap((id) => [stockKeys.available(id), stockKeys.reserved(id)])
      const values = await redis.mget(...keys)
      skuIds.forEach((skuId, i) => {
        const available = values[2 * i]
        if (available == null) return
        found.set(skuId, { available: Number(available), reserved: Number(values[2 * i + 1] ?? 0) })
      })
      return found
    },
  }
}

export type StockStore = ReturnType<typeof stockStore>
