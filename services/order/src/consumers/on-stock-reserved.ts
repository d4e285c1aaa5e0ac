import { StockReservedV1 } from '@commerce/contracts/inventory'
import { handle } from '@commerce/platform/kafka'
import type { OrderTx } from '../db'
import { applySagaEvent } from '../use-cases/apply-saga-event'

/** Every item is reserved: the order waits for its payment (SPEC §6 step 3). */
export const onStockReserved = handle(StockReservedV1, async (event, { tx, meta, logger }) => {
  const input = { orderId: event.data.orderId, signal: 'stock.reserved' as const, reason: 'STOCK_RESERVED', logger }
  await applySagaEvent(tx as OrderTx, input, meta)
})
