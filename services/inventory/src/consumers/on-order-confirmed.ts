import { OrderConfirmedV1 } from '@commerce/contracts/order'
import { handle } from '@commerce/platform/kafka'
import { confirmStock } from '../use-cases/confirm-stock'
import { counted } from '../use-cases/metrics'
import type { HandlerDeps } from './deps'

/** An order was paid: its reservation becomes a sale (SPEC §6 step 5). */
export const onOrderConfirmed = (deps: HandlerDeps) =>
  handle(
    OrderConfirmedV1,
    async (event, steps) => {
      // Test-only: a fault switch on one of the order's SKUs fails the confirmation (INVENTORY_FAULTS_ENABLED).
      const skuIds = event.data.items.map((i) => i.skuId)
      const injectedFailure = deps.faults ? await deps.faults.confirmFails(skuIds) : false
      const context = { steps, store: deps.store, fault: deps.fault, injectedFailure }
      counted('confirm', await confirmStock(context, event.data.orderId, steps.meta))
    },
    { callsOut: true },
  )
