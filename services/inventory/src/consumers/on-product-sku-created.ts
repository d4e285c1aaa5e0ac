import { ProductSkuCreatedV1 } from '@commerce/contracts/catalog'
import { handle } from '@commerce/platform/kafka'
import { initializeStock } from '../use-cases/initialize-stock'
import { counted } from '../use-cases/metrics'
import type { HandlerDeps } from './deps'

/** A SKU was created in the catalog: it gets stock (SPEC §7). */
export const onProductSkuCreated = (deps: HandlerDeps) =>
  handle(
    ProductSkuCreatedV1,
    async (event, steps) => {
      const { skuId, initialQuantity } = event.data
      const context = { steps, store: deps.store }
      counted('initialize', await initializeStock(context, { skuId, quantity: initialQuantity }, steps.meta))
    },
    { callsOut: true },
  )
