import type { EventHandler } from '@commerce/platform/kafka'
import { onPaymentCompleted } from './on-payment-completed'
import { onPaymentFailed } from './on-payment-failed'
import { onPaymentRefundFailed } from './on-payment-refund-failed'
import { onPaymentRefunded } from './on-payment-refunded'
import { onStockConfirmFailed } from './on-stock-confirm-failed'
import { onStockConfirmed } from './on-stock-confirmed'
import { onStockReservationExpired } from './on-stock-reservation-expired'
import { onStockReservationFailed } from './on-stock-reservation-failed'
import { onStockReserved } from './on-stock-reserved'

/** Order's handlers: the saga's steps from inventory and payment (SPEC §6). Other types are skipped. */
export const orderHandlers: EventHandler[] = [
  onStockReserved,
  onStockReservationFailed,
  onStockReservationExpired,
  onStockConfirmed,
  onStockConfirmFailed,
  onPaymentCompleted,
  onPaymentFailed,
  onPaymentRefunded,
  onPaymentRefundFailed,
]

/** The topics those handlers read. */
export const orderTopics = ['commerce.inventory.events', 'commerce.payment.events']
