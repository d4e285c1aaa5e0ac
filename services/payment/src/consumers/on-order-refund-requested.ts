import { OrderRefundRequestedV1 } from '@commerce/contracts/order'
import { handle } from '@commerce/platform/kafka'
import { requestRefund } from '../use-cases/request-refund'
import { workRefundSoon } from '../use-cases/work-refund'
import type { HandlerDeps } from './deps'

/**
 * The buyer asked for (part of) an order back: a refund to do, once per order and items, recorded with the inbox row
 * and tried at the PG right after the commit (the settle job retries it, with the same Idempotency-Key).
 */
export const onOrderRefundRequested = (deps: HandlerDeps) =>
  handle(
    OrderRefundRequestedV1,
    async (event, steps) => {
      const outcome = await steps.finalStep((tx) => requestRefund(tx, event.data, steps.meta))
      if (outcome.kind === 'recorded') await workRefundSoon(deps.pg, outcome.refundId, steps.meta.traceparent)
      else steps.logger.warn('refund request not applicable', { orderId: event.data.orderId, outcome: outcome.kind })
    },
    { callsOut: true },
  )
