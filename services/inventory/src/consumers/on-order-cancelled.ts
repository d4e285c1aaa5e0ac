import { OrderCancelledV1 } from '@commerce/contracts/order'
import { handle } from '@commerce/platform/kafka'
import { counted } from '../use-cases/metrics'
import { releaseStock } from '../use-cases/release-stock'
import type { HandlerDeps } from './deps'

/** An order was cancelled: give back what it holds, or remember that it must never reserve (SPEC §6). */
export const onOrderCancelled = (deps: HandlerDeps) =>
  handle(
    OrderCancelledV1,
    async (event, steps) => {
      const { orderId } = event.data
      const context = { steps, store: deps.store, fault: deps.fault }
      const outcome = counted('release', await releaseStock(context, orderId, steps.meta))
      // A sold reservation is not released: the saga cancels a paid order only when its confirm failed.
      if (outcome === 'sold') steps.logger.warn('cancelled order was already sold; nothing released', { orderId })
    },
    { callsOut: true },
  )
