import { PaymentRefundedV1 } from '@commerce/contracts/payment'
import { handle } from '@commerce/platform/kafka'
import type { OrderTx } from '../db'
import { recordRefund } from '../use-cases/record-refund'

/** The PG refunded: the items are REFUNDED and `order.refunded` follows, or a cancelled order records the money. */
export const onPaymentRefunded = handle(PaymentRefundedV1, async (event, { tx, meta, logger }) => {
  const { orderId, reason, refundedAmount, refundedItemIds } = event.data
  await recordRefund(tx as OrderTx, { orderId, reason, refundedAmount, refundedItemIds, logger }, meta)
})
