import { StockRestoredV1 } from '@commerce/contracts/inventory'
import { handle } from '@commerce/platform/kafka'
import type { CatalogTx } from '../db'
import { setSkuAvailability } from '../use-cases/sku-availability'
import { bumpAfterCommit, type HandlerDeps } from './cache-bump'

/** A SKU's stock came back from zero: it shows available, and so does its product. */
export const onStockRestored = (deps: HandlerDeps) =>
  handle(
    StockRestoredV1,
    async (event, { finalStep, meta, logger }) => {
      const input = { skuId: event.data.skuId, available: true, now: meta.now }
      // Calls out only to bump after the commit: a bump inside the transaction could let a reader cache the old row.
      await finalStep((tx) => setSkuAvailability(tx as CatalogTx, input))
      await bumpAfterCommit(deps, logger)
    },
    { callsOut: true },
  )
