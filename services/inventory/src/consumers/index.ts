import type { EventHandler } from '@commerce/platform/kafka'
import type { HandlerDeps } from './deps'
import { onOrderCancelled } from './on-order-cancelled'
import { onOrderConfirmed } from './on-order-confirmed'
import { onOrderPlaced } from './on-order-placed'
import { onOrderRefunded } from './on-order-refunded'
import { onProductSkuCreated } from './on-product-sku-created'

export type { HandlerDeps } from './deps'

/** Inventory's handlers: the saga's stock steps from order, new SKUs from catalog. */
export const inventoryHandlers = (deps: HandlerDeps): EventHandler[] => [
  onProductSkuCreated(deps),
  onOrderPlaced(deps),
  onOrderConfirmed(deps),
  onOrderCancelled(deps),
  onOrderRefunded(deps),
]

/** The topics those handlers read. */
export const inventoryTopics = ['commerce.catalog.events', 'commerce.order.events']
