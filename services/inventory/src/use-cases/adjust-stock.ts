import type { EventMeta } from '@commerce/contracts'
import type { InventoryTx } from '../db'
import type { StockStore } from '../db/stock-store'
import { InventoryErrors } from '../domain/errors'
import { opKeys } from '../domain/operations'
import { isRecorded, recordOperation } from './record-operation'
import { appendCrossings } from './stock-events'

export interface AdjustInput {
  skuId: number
  delta: number
  reason: string
  actorId: number
  /** One id per adjustment: a retry with the same id (the same Idempotency-Key) applies it once. */
  adjustmentId: string
}

/** A SKU's balance as the API shows it (SPEC §4): on hand = available + reserved. */
export interface StockView {
  skuId: number
  onHand: number
  reserved: number
  available: number
}

export const stockView = (skuId: number, stock: { available: number; reserved: number }): StockView => ({
  skuId,
  onHand: stock.available + stock.reserved,
  reserved: stock.reserved,
  available: stock.available,
})

/**
 * An admin's correction of available stock, with a reason, into the ledger (SPEC §4). Unknown SKU → 404
 * INVENTORY-404-002; a result below zero → 409 INVENTORY-409-001 (nothing changes). Redis first (it decides against
 * concurrent reservations), then the ledger row; a retry with the same adjustment id converges to one movement.
 */
export async function adjustStock(
  // A database, or a route's open transaction (the Idempotency-Key record's): the ledger rows then commit with it.
  { db, store }: { db: Pick<InventoryTx, 'transaction'>; store: StockStore },
  input: AdjustInput,
  meta: EventMeta,
): Promise<StockView> {
  const opKey = opKeys.adjust(input.adjustmentId)
  // Applied before, and Redis' marker since expired: running the script again would move stock a second time.
  if (await db.transaction((tx) => isRecorded(tx, opKey))) {
    const stock = (await store.read([input.skuId])).get(input.skuId)
    if (!stock) throw InventoryErrors.inventoryNotFound()
    return stockView(input.skuId, stock)
  }
  const answer = await store.add(opKey, { skuId: input.skuId, delta: input.delta, floor: true })
  if (answer.status === 'MISSING') throw InventoryErrors.inventoryNotFound()
  if (answer.status === 'NEGATIVE') throw InventoryErrors.notEnoughStock(answer.available ?? 0)
  await db.transaction(async (tx) => {
    const movements = [{ skuId: input.skuId, availableDelta: input.delta, reservedDelta: 0 }]
    const { reason, actorId } = input
    const recorded = await recordOperation(tx, { opKey, kind: 'ADJUST', movements, reason, actorId, now: meta.now })
    await appendCrossings(tx, { crossings: recorded.crossings }, meta)
  })
  return stockView(input.skuId, { available: answer.available ?? 0, reserved: answer.reserved ?? 0 })
}
