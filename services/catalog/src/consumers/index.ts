import type { EventHandler } from '@commerce/platform/kafka'
import type { HandlerDeps } from './cache-bump'
import { onOrderRefunded } from './on-order-refunded'
import { onStockConfirmed } from './on-stock-confirmed'
import { onStockDepleted } from './on-stock-depleted'
import { onStockRestored } from './on-stock-restored'

/** Catalog's handlers: availability from inventory, sales counts from inventory and order. */
export const catalogHandlers = (deps: HandlerDeps): EventHandler[] => [
  onStockDepleted(deps),
  onStockRestored(deps),
  onStockConfirmed(deps),
  onOrderRefunded(deps),
]
