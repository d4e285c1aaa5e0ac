import { OrderPlacedV1 } from '@commerce/contracts/order'
import { handle } from '@commerce/platform/kafka'
import { counted } from '../use-cases/metrics'
import { reserveStock } from '../use-cases/reserve-stock'
import type { HandlerDeps } from './deps'

/** An order was placed: reserve all its items or none (SPEC §6 step 2). */
export const onOrderPlaced = (deps: HandlerDeps) =>
  handle(
    OrderPlacedV1,
    async (event, steps) => {
      const { orderId, items } = event.data
      const input = { orderId, items, ttlMs: deps.reservationTtlMs }
      const outcome = counted(
        'reserve',
        await reserveStock({ steps, store: deps.store, fault: deps.fault }, input, steps.meta),
      )
      if (outcome === 'decided-before') steps.logger.info('order already decided', { orderId })
    },
    { callsOut: true },
  )
