import type { EventMeta } from '@commerce/contracts'
import { StockConfirmedV1, StockConfirmFailedV1, type StockConfirmFailureReason } from '@commerce/contracts/inventory'
import { appendOutbox } from '@commerce/platform/outbox'
import type { ReservationAnswer } from '../db/stock-store'
import { opKeys } from '../domain/operations'
import { isRecorded, recordOperation } from './record-operation'
import { saveReservation } from './reservation-rows'
import { inventoryTx, type StockContext } from './steps'

export type ConfirmOutcome = 'confirmed' | 'failed' | 'decided-before'

/** A stock context; `injectedFailure` (test-only fault switch, INVENTORY_FAULTS_ENABLED) fails the confirmation. */
export type ConfirmContext = StockContext & { injectedFailure?: boolean }

/** Why a paid order's reservation could not become a sale, from what the script found. */
function failureReason(answer: ReservationAnswer): StockConfirmFailureReason {
  return answer.status === 'EXPIRED' ? 'RESERVATION_EXPIRED' : 'NOT_ENOUGH_RESERVED'
}

/**
 * A paid order's reservation becomes a sale (SPEC §6 step 5) → `stock.confirmed`; a reservation that expired, was
 * released, failed or never existed → `stock.confirm.failed` (the order cancels and refunds). Either is published once
 * per order, however often `order.confirmed` arrives. An injected failure moves nothing, like a real
 * NOT_ENOUGH_RESERVED: the reservation stays held until the order's cancellation (or the expiry job) releases it.
 */
export async function confirmStock(
  { steps, store, fault, injectedFailure }: ConfirmContext,
  orderId: number,
  meta: EventMeta,
): Promise<ConfirmOutcome> {
  const decided = await steps.read(async (anyTx) => {
    const tx = inventoryTx(anyTx)
    return (await isRecorded(tx, opKeys.confirm(orderId))) || (await isRecorded(tx, opKeys.confirmFailed(orderId)))
  })
  if (decided) return 'decided-before'
  const answer: ReservationAnswer = injectedFailure
    ? { status: 'NOT_ENOUGH_RESERVED', replay: false, items: [] }
    : await store.confirm(orderId)
  fault?.('after-confirm-script')
  return steps.finalStep(async (anyTx) => {
    const tx = inventoryTx(anyTx)
    const now = meta.now
    if (answer.status === 'CONFIRMED') {
      const movements = answer.items.map((i) => ({ skuId: i.skuId, availableDelta: 0, reservedDelta: -i.quantity }))
      const recorded = await recordOperation(tx, {
        opKey: opKeys.confirm(orderId),
        kind: 'CONFIRM',
        orderId,
        movements,
        now,
      })
      if (!recorded.fresh) return 'decided-before'
      await saveReservation(tx, { orderId, status: 'CONFIRMED', items: answer.items, now })
      await appendOutbox(tx, StockConfirmedV1.create({ orderId, items: answer.items }, meta))
      return 'confirmed'
    }
    const opKey = opKeys.confirmFailed(orderId)
    const recorded = await recordOperation(tx, { opKey, kind: 'CONFIRM_FAILED', orderId, movements: [], now })
    if (!recorded.fresh) return 'decided-before'
    await appendOutbox(tx, StockConfirmFailedV1.create({ orderId, reason: failureReason(answer) }, meta))
    return 'failed'
  })
}
