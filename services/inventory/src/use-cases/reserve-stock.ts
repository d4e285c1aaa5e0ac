import type { EventMeta } from '@commerce/contracts'
import { StockReservationFailedV1, StockReservedV1 } from '@commerce/contracts/inventory'
import { appendOutbox } from '@commerce/platform/outbox'
import { mergeItems, type StockItem } from '../domain/items'
import { opKeys } from '../domain/operations'
import { recordOperation } from './record-operation'
import { findReservation, saveReservation } from './reservation-rows'
import { inventoryTx, type StockContext } from './steps'
import { appendCrossings } from './stock-events'

export interface ReserveInput {
  orderId: number
  items: StockItem[]
  /** How long the reservation holds unless confirmed or released (longer than the payment window, SPEC §6). */
  ttlMs: number
}

export type ReserveOutcome = 'reserved' | 'failed' | 'decided-before'

/**
 * Reserves every item of an order or none (SPEC §6 step 2) → `stock.reserved` or `stock.reservation.failed`.
 * An order MariaDB already decided (reserved, failed, or cancelled before it was placed) changes nothing. The Redis
 * script answers a redelivery with its first outcome, so a crash before the commit converges to one movement.
 */
export async function reserveStock(
  { steps, store, fault }: StockContext,
  input: ReserveInput,
  meta: EventMeta,
): Promise<ReserveOutcome> {
  const { orderId } = input
  if (await steps.read((tx) => findReservation(inventoryTx(tx), orderId))) return 'decided-before'
  const items = mergeItems(input.items)
  const answer = await store.reserve(orderId, items, new Date(meta.now.getTime() + input.ttlMs))
  fault?.('after-reserve-script')
  return steps.finalStep(async (anyTx) => {
    const tx = inventoryTx(anyTx)
    const now = meta.now
    if (answer.status === 'RESERVED' && answer.expiresAt) {
      const movements = answer.items.map((i) => ({
        skuId: i.skuId,
        availableDelta: -i.quantity,
        reservedDelta: i.quantity,
      }))
      const recorded = await recordOperation(tx, {
        opKey: opKeys.reserve(orderId),
        kind: 'RESERVE',
        orderId,
        movements,
        now,
      })
      if (!recorded.fresh) return 'decided-before'
      await saveReservation(tx, { orderId, status: 'RESERVED', items: answer.items, expiresAt: answer.expiresAt, now })
      const expiresAt = answer.expiresAt.toISOString()
      await appendOutbox(tx, StockReservedV1.create({ orderId, items: answer.items, expiresAt }, meta))
      await appendCrossings(tx, { crossings: recorded.crossings, orderId }, meta)
      return 'reserved'
    }
    if (answer.status === 'FAILED' && answer.failure) {
      const opKey = opKeys.reservationFailed(orderId)
      const recorded = await recordOperation(tx, { opKey, kind: 'RESERVE_FAILED', orderId, movements: [], now })
      if (!recorded.fresh) return 'decided-before'
      await saveReservation(tx, { orderId, status: 'FAILED', items: answer.items, now })
      const { reason, failedItems } = answer.failure
      await appendOutbox(tx, StockReservationFailedV1.create({ orderId, reason, failedItems }, meta))
      return 'failed'
    }
    // Redis already holds another outcome (the order was cancelled before it was placed): nothing to reserve.
    return 'decided-before'
  })
}
