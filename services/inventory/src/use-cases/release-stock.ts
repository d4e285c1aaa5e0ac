import type { EventMeta } from '@commerce/contracts'
import { StockReleasedV1, StockReservationExpiredV1 } from '@commerce/contracts/inventory'
import { appendOutbox } from '@commerce/platform/outbox'
import type { ReservationAnswer } from '../db/stock-store'
import { opKeys } from '../domain/operations'
import { isRecorded, recordOperation } from './record-operation'
import { saveReservation } from './reservation-rows'
import { inventoryTx, type StockContext } from './steps'
import { appendCrossings } from './stock-events'

export type ReleaseOutcome = 'released' | 'nothing-held' | 'sold' | 'decided-before'

const backOnSale = (answer: ReservationAnswer) =>
  answer.items.map((i) => ({ skuId: i.skuId, availableDelta: i.quantity, reservedDelta: -i.quantity }))

/**
 * A cancelled order gives its reservation back (SPEC §6 compensations) → `stock.released` with the released items.
 * Nothing held (never reserved, failed, already expired) → `stock.released` with no items, which still closes the
 * saga step; never reserved at all also leaves a tombstone so a late `order.placed` does not reserve. A reservation
 * already sold is not released (a refund restocks it). Published once per order.
 */
export async function releaseStock(
  { steps, store, fault }: StockContext,
  orderId: number,
  meta: EventMeta,
): Promise<ReleaseOutcome> {
  if (await steps.read((tx) => isRecorded(inventoryTx(tx), opKeys.release(orderId)))) return 'decided-before'
  const answer = await store.release(orderId)
  fault?.('after-release-script')
  if (answer.status === 'CONFIRMED') return 'sold'
  return steps.finalStep(async (anyTx) => {
    const tx = inventoryTx(anyTx)
    const now = meta.now
    const released = answer.status === 'RELEASED'
    const movements = released ? backOnSale(answer) : []
    const recorded = await recordOperation(tx, {
      opKey: opKeys.release(orderId),
      kind: 'RELEASE',
      orderId,
      movements,
      now,
    })
    if (!recorded.fresh) return 'decided-before'
    if (released || answer.status === 'CANCELLED') {
      await saveReservation(tx, {
        orderId,
        status: answer.status as 'RELEASED' | 'CANCELLED',
        items: answer.items,
        now,
      })
    }
    await appendOutbox(tx, StockReleasedV1.create({ orderId, items: released ? answer.items : [] }, meta))
    await appendCrossings(tx, { crossings: recorded.crossings, orderId }, meta)
    return released ? 'released' : 'nothing-held'
  })
}

export type ExpireOutcome = 'expired' | 'not-due' | 'settled' | 'missing' | 'decided-before'

/**
 * Releases one reservation whose TTL passed unconfirmed → `stock.reservation.expired` (the order cancels if still
 * unpaid). Safe from any number of job replicas at once: the script expires a record once, and the operation key
 * records it once. A reservation Redis already settled otherwise (confirmed or released, its commit still on its
 * way) only gets its row's status brought up to date, so the job stops looking at it.
 */
export async function expireReservation(
  { steps, store }: StockContext,
  orderId: number,
  meta: EventMeta,
): Promise<ExpireOutcome> {
  if (await steps.read((tx) => isRecorded(inventoryTx(tx), opKeys.expire(orderId)))) return 'decided-before'
  const answer = await store.expire(orderId, meta.now)
  if (answer.status === 'NOT_DUE') return 'not-due'
  if (answer.status === 'MISSING') return 'missing'
  return steps.finalStep(async (anyTx) => {
    const tx = inventoryTx(anyTx)
    const now = meta.now
    if (answer.status !== 'EXPIRED') {
      const status = answer.status as 'CONFIRMED' | 'RELEASED'
      await saveReservation(tx, { orderId, status, items: answer.items, now })
      return 'settled'
    }
    const movements = backOnSale(answer)
    const recorded = await recordOperation(tx, {
      opKey: opKeys.expire(orderId),
      kind: 'EXPIRE',
      orderId,
      movements,
      now,
    })
    if (!recorded.fresh) return 'decided-before'
    await saveReservation(tx, { orderId, status: 'EXPIRED', items: answer.items, now })
    const expiredAt = (answer.expiresAt ?? now).toISOString()
    await appendOutbox(tx, StockReservationExpiredV1.create({ orderId, items: answer.items, expiredAt }, meta))
    await appendCrossings(tx, { crossings: recorded.crossings, orderId }, meta)
    return 'expired'
  })
}
