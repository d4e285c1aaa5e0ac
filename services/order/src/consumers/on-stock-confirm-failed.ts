import { StockConfirmFailedV1 } from '@commerce/contracts/inventory'
import { handle } from '@commerce/platform/kafka'
import type { OrderTx } from '../db'
import { applySagaEvent } from '../use-cases/apply-saga-event'

/** A paid order's stock could not be sold: it cancels, and payment refunds it on `order.cancelled` (SPEC §6). */
export const onStockConfirmFailed = handle(StockConfirmFailedV1, async (event, { tx, meta, logger }) => {
  const { orderId, reason } = event.data
  const input = {
    orderId,
    signal: 'stock.confirm.failed' as const,
    reason: `STOCK_CONFIRM_FAILED:${reason}`,
    cancelReason: 'STOCK_CONFIRM_FAILED' as const,
    logger,
  }
  await applySagaEvent(tx as OrderTx, input, meta)
})
