import { OrderRefundedV1 } from '@commerce/contracts/order'
import { handle } from '@commerce/platform/kafka'
import type { CatalogTx } from '../db'
import { addSales } from '../use-cases/sales-count'
import { bumpAfterCommit, type HandlerDeps } from './cache-bump'

/** Items of an order were refunded: their products count `quantity` fewer sales, never below 0. */
export const onOrderRefunded = (deps: HandlerDeps) =>
  handle(
    OrderRefundedV1,
    async (event, { finalStep, meta, logger }) => {
      await finalStep((tx) => addSales(tx as CatalogTx, { items: event.data.items, sign: -1, now: meta.now }))
      await bumpAfterCommit(deps, logger)
    },
    { callsOut: true },
  )
