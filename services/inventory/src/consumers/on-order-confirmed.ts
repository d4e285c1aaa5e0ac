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
      const context = { steps, store: deps.store, fault: deps.fault }
      counted('confirm', await confirmStock(context, event.data.orderId, steps.meta))
    },
    { callsOut: true },
  )
