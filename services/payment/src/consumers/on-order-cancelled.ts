import { OrderCancelledV1 } from '@commerce/contracts/order'
import { handle } from '@commerce/platform/kafka'
import { cancelForOrder } from '../use-cases/cancel-for-order'
import { workRefundSoon } from '../use-cases/work-refund'
import type { HandlerDeps } from './deps'

/**
 * An order was cancelled: void the READY payment, or refund a charged one, or remember it so none is created
 * (SPEC §6). The refund is recorded with the inbox row and tried right after the commit (the settle job retries it).
 */
export const onOrderCancelled = (deps: HandlerDeps) =>
  handle(
    OrderCancelledV1,
    async (event, steps) => {
      const outcome = await steps.finalStep((tx) => cancelForOrder(tx, event.data.orderId, steps.meta))
      if (outcome.kind === 'refund') await workRefundSoon(deps.pg, outcome.refundId, steps.meta.traceparent)
    },
    { callsOut: true },
  )
