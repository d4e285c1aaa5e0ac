import type { TSchema } from '@sinclair/typebox'
import * as catalog from './catalog'
import type { EventDefinition } from './cloud-event'
import * as inventory from './inventory'
import * as order from './order'
import * as payment from './payment'
import * as user from './user'

/**
 * Who consumes what: for each consuming service, the event versions its handlers take. The AsyncAPI document's
 * receive operations come from here; each service's consumer contract test (services/<name>/src/consumers/
 * contract.test.ts) fails when its registered handlers differ from its entry, so the two cannot drift apart.
 */
export const subscriptions: Readonly<Record<string, readonly EventDefinition<TSchema>[]>> = Object.freeze({
  auth: [user.UserWithdrawnV1, user.UserLockedV1],
  catalog: [inventory.StockDepletedV1, inventory.StockRestoredV1, inventory.StockConfirmedV1, order.OrderRefundedV1],
  inventory: [
    catalog.ProductSkuCreatedV1,
    order.OrderPlacedV1,
    order.OrderConfirmedV1,
    order.OrderCancelledV1,
    order.OrderRefundedV1,
  ],
  order: [
    inventory.StockReservedV1,
    inventory.StockReservationFailedV1,
    inventory.StockReservationExpiredV1,
    inventory.StockConfirmedV1,
    inventory.StockConfirmFailedV1,
    payment.PaymentCompletedV1,
    payment.PaymentFailedV1,
    payment.PaymentRefundedV1,
    payment.PaymentRefundFailedV1,
  ],
  payment: [
    order.OrderPlacedV1,
    inventory.StockReservedV1,
    order.OrderCancelledV1,
    order.OrderRefundRequestedV1,
    order.OrderCompensationRetryRequestedV1,
  ],
})
