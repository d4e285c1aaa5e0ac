import { OrderCompensationRetryRequestedV1 } from '@commerce/contracts/order'
import { handle } from '@commerce/platform/kafka'
import { retryFailedRefunds } from '../use-cases/retry-refunds'
import { workRefundSoon } from '../use-cases/work-refund'
import type { HandlerDeps } from './deps'

/**
 * An operator retries an order's failed compensation: its failed refunds are reopened with the inbox row and tried at
 * the PG right after the commit (the settle job retries them), ending in `payment.refunded` or, after the retries
 * again, `payment.refund.failed`.
 */
export const onOrderCompensationRetryRequested = (deps: HandlerDeps) =>
  handle(
    OrderCompensationRetryRequestedV1,
    async (event, steps) => {
      const { orderId, requestedBy } = event.data
      const outcome = await steps.finalStep((tx) => retryFailedRefunds(tx, orderId, steps.meta))
      steps.logger.info('compensation retry requested', { orderId, requestedBy, outcome: outcome.kind })
      if (outcome.kind !== 'reopened') return
      for (const refundId of outcome.refundIds) await workRefundSoon(deps.pg, refundId)
    },
    { callsOut: true },
  )
