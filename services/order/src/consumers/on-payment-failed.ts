import { PaymentFailedV1 } from '@commerce/contracts/payment'
import { handle } from '@commerce/platform/kafka'
import type { OrderTx } from '../db'
import { applySagaEvent } from '../use-cases/apply-saga-event'
import { counted } from '../use-cases/metrics'

/**
 * The payment will not be charged: the order cancels with `order.cancelled` (PAYMENT_TIMEOUT when the payment window
 * ran out, else PAYMENT_FAILED) so inventory releases its stock. ORDER_CANCELLED means payment voided it because the
 * order was cancelled already: nothing to do.
 */
export const onPaymentFailed = handle(PaymentFailedV1, async (event, { tx, meta, logger }) => {
  const { orderId, reason } = event.data
  if (reason === 'ORDER_CANCELLED') return void counted('payment.failed', 'ignored')
  const cancelReason = reason === 'PAYMENT_TIMEOUT' ? ('PAYMENT_TIMEOUT' as const) : ('PAYMENT_FAILED' as const)
  const input = { orderId, signal: 'payment.failed' as const, reason: `PAYMENT_FAILED:${reason}`, cancelReason, logger }
  await applySagaEvent(tx as OrderTx, input, meta)
})
