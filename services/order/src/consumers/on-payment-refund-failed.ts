import { PaymentRefundFailedV1 } from '@commerce/contracts/payment'
import { handle } from '@commerce/platform/kafka'
import type { OrderTx } from '../db'
import { markNeedsAttention } from '../use-cases/mark-needs-attention'

/** A refund (or the refund of a cancelled, charged order) failed after its retries: NEEDS_ATTENTION (SPEC §6). */
export const onPaymentRefundFailed = handle(PaymentRefundFailedV1, async (event, { tx, meta, logger }) => {
  const { orderId, reason, pgErrorCode } = event.data
  const why = `REFUND_FAILED:${reason}${pgErrorCode ? `:${pgErrorCode}` : ''}`.slice(0, 100)
  await markNeedsAttention(tx as OrderTx, { orderId, reason: why, type: event.type, logger }, meta)
})
