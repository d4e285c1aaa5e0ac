import { StockConfirmedV1 } from '@commerce/contracts/inventory'
import { handle } from '@commerce/platform/kafka'
import type { CatalogTx } from '../db'
import { addSales } from '../use-cases/sales-count'
import { bumpAfterCommit, type HandlerDeps } from './cache-bump'

/** A paid order's stock became sold: each item's product counts `quantity` more sales (BEST_SELLING, POPULARITY). */
export const onStockConfirmed = (deps: HandlerDeps) =>
  handle(
    StockConfirmedV1,
    async (event, { finalStep, meta, logger }) => {
      await finalStep((tx) => addSales(tx as CatalogTx, { items: event.data.items, sign: 1, now: meta.now }))
      await bumpAfterCommit(deps, logger)
    },
    { callsOut: true },
  )
