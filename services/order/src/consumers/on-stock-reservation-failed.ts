import { StockReservationFailedV1 } from '@commerce/contracts/inventory'
import { handle } from '@commerce/platform/kafka'
import type { OrderTx } from '../db'
import { applySagaEvent } from '../use-cases/apply-saga-event'

/** Nothing could be reserved: the order fails (SPEC §6 step 3); nothing is held, nothing to compensate. */
export const onStockReservationFailed = handle(StockReservationFailedV1, async (event, { tx, meta, logger }) => {
  const { orderId, reason } = event.data
  await applySagaEvent(tx as OrderTx, { orderId, signal: 'stock.reservation.failed', reason, logger }, meta)
})
