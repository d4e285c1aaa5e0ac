import { StockConfirmedV1 } from '@commerce/contracts/inventory'
import { handle } from '@commerce/platform/kafka'
import type { OrderTx } from '../db'
import { applySagaEvent } from '../use-cases/apply-saga-event'

/** The paid order's stock is sold: the checkout ends CONFIRMED (SPEC §6 step 5). */
export const onStockConfirmed = handle(StockConfirmedV1, async (event, { tx, meta, logger }) => {
  const input = { orderId: event.data.orderId, signal: 'stock.confirmed' as const, reason: 'STOCK_CONFIRMED', logger }
  await applySagaEvent(tx as OrderTx, input, meta)
})
