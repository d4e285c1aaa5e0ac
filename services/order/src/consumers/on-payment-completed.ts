import { PaymentCompletedV1 } from '@commerce/contracts/payment'
import { handle } from '@commerce/platform/kafka'
import type { OrderTx } from '../db'
import { applySagaEvent } from '../use-cases/apply-saga-event'

/**
 * The PG approved: PAID + `order.confirmed` (SPEC §6 step 5), from CREATED too (stock.reserved is merely late: a
 * payment exists only after a reservation). A cancelled order ignores it: payment refunds on `order.cancelled`.
 */
export const onPaymentCompleted = handle(PaymentCompletedV1, async (event, { tx, meta, logger }) => {
  const { orderId, approvedAt } = event.data
  const input = {
    orderId,
    signal: 'payment.completed' as const,
    reason: 'PAYMENT_COMPLETED',
    paidAt: approvedAt,
    logger,
  }
  await applySagaEvent(tx as OrderTx, input, meta)
})
