import type { EventHandler } from '@commerce/platform/kafka'
import type { HandlerDeps } from './deps'
import { onOrderCancelled } from './on-order-cancelled'
import { onOrderCompensationRetryRequested } from './on-order-compensation-retry-requested'
import { onOrderPlaced } from './on-order-placed'
import { onOrderRefundRequested } from './on-order-refund-requested'
import { onStockReserved } from './on-stock-reserved'

export type { HandlerDeps } from './deps'

/** Payment's handlers: the saga's payment steps from order and inventory. */
export const paymentHandlers = (deps: HandlerDeps): EventHandler[] => [
  onOrderPlaced(deps),
  onStockReserved(deps),
  onOrderCancelled(deps),
  onOrderRefundRequested(deps),
  onOrderCompensationRetryRequested(deps),
]

/** The topics those handlers read. */
export const paymentTopics = ['commerce.order.events', 'commerce.inventory.events']
