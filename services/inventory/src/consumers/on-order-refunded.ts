import { OrderRefundedV1 } from '@commerce/contracts/order'
import { handle } from '@commerce/platform/kafka'
import { restockRefund } from '../use-cases/restock'
import type { HandlerDeps } from './deps'

/** The PG refunded items: their units go back on sale (SPEC §6 refund). */
export const onOrderRefunded = (deps: HandlerDeps) =>
  handle(
    OrderRefundedV1,
    async (event, steps) => {
      const { orderId, items } = event.data
      const { unknown } = await restockRefund({ steps, store: deps.store }, { orderId, items }, steps.meta)
      if (unknown.length > 0)
        steps.logger.warn('refunded SKUs unknown to inventory; not restocked', { orderId, unknown })
    },
    { callsOut: true },
  )
