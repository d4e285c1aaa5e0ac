import { StockReservedV1 } from '@commerce/contracts/inventory'
import { handle } from '@commerce/platform/kafka'
import { learnOrder } from '../use-cases/learn-order'
import type { HandlerDeps } from './deps'

/** An order's stock is reserved: with its order.placed known, the payment is created READY (SPEC §6 step 3). */
export const onStockReserved = (deps: HandlerDeps) =>
  handle(StockReservedV1, async (event, { tx, meta }) => {
    const fact = { kind: 'reserved' as const, orderId: event.data.orderId }
    await learnOrder(tx, { fact, windowMs: deps.windowMs }, meta)
  })
