import { StockDepletedV1 } from '@commerce/contracts/inventory'
import { handle } from '@commerce/platform/kafka'
import type { CatalogTx } from '../db'
import { setSkuAvailability } from '../use-cases/sku-availability'
import { bumpAfterCommit, type HandlerDeps } from './cache-bump'

/** A SKU's stock reached zero: it shows unavailable, and its product too when no other ACTIVE SKU is available. */
export const onStockDepleted = (deps: HandlerDeps) =>
  handle(
    StockDepletedV1,
    async (event, { finalStep, meta, logger }) => {
      const input = { skuId: event.data.skuId, available: false, now: meta.now }
      // Calls out only to bump after the commit: a bump inside the transaction could let a reader cache the old row.
      await finalStep((tx) => setSkuAvailability(tx as CatalogTx, input))
      await bumpAfterCommit(deps, logger)
    },
    { callsOut: true },
  )
