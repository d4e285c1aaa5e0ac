import { StockReservationExpiredV1 } from '@commerce/contracts/inventory'
import { handle } from '@commerce/platform/kafka'
import type { OrderTx } from '../db'
import { applySagaEvent } from '../use-cases/apply-saga-event'

/** The reservation lapsed (the TTL safety net): an unpaid order cancels; a paid one is decided by its confirm. */
export const onStockReservationExpired = handle(StockReservationExpiredV1, async (event, { tx, meta, logger }) => {
  const input = {
    orderId: event.data.orderId,
    signal: 'stock.reservation.expired' as const,
    reason: 'RESERVATION_EXPIRED',
    cancelReason: 'RESERVATION_EXPIRED' as const,
    logger,
  }
  await applySagaEvent(tx as OrderTx, input, meta)
})
