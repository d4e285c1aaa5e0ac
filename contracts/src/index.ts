import type { TSchema } from '@sinclair/typebox'
import * as catalog from './catalog'
import type { EventDefinition } from './cloud-event'
import * as inventory from './inventory'
import * as order from './order'
import * as payment from './payment'
import * as user from './user'

export {
  type CloudEvent,
  CloudEventEnvelope,
  ContractViolation,
  defineEvent,
  type EventDefinition,
  type EventMeta,
  type EventOf,
  type OutgoingEvent,
  parseEnvelope,
} from './cloud-event'
export { subscriptions } from './subscriptions'

/** Every event definition, for contract tests and tooling (snapshots); services import from their sub-path. */
export const allEvents: readonly EventDefinition<TSchema>[] = Object.freeze([
  order.OrderPlacedV1,
  order.OrderCancelledV1,
  order.OrderConfirmedV1,
  order.OrderRefundRequestedV1,
  order.OrderRefundedV1,
  order.OrderCompensationRetryRequestedV1,
  inventory.StockReservedV1,
  inventory.StockReservationFailedV1,
  inventory.StockReleasedV1,
  inventory.StockConfirmedV1,
  inventory.StockConfirmFailedV1,
  inventory.StockReservationExpiredV1,
  inventory.StockDepletedV1,
  inventory.StockRestoredV1,
  payment.PaymentCreatedV1,
  payment.PaymentCompletedV1,
  payment.PaymentFailedV1,
  payment.PaymentRefundedV1,
  payment.PaymentRefundFailedV1,
  catalog.ProductSkuCreatedV1,
  catalog.ProductSkuDeactivatedV1,
  catalog.ProductChangedV1,
  catalog.ProductPriceChangedV1,
  user.UserLockedV1,
  user.UserRegisteredV1,
  user.UserWithdrawnV1,
])
