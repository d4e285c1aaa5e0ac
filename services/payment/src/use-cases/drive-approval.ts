import type { TossGateway } from '../gateway/toss'

/** What the PG made of a confirm attempt, as far as can be known now. */
export type Resolution =
  | { kind: 'approved'; pgTransactionKey: string; approvedAt: Date }
  | { kind: 'declined'; pgErrorCode: string }
  | { kind: 'not-charged'; pgErrorCode: string }
  | { kind: 'unknown'; reason: string }

// Answers that mean the PG holds a charge already (for this paymentKey or order number): its record decides.
const alreadyCharged = new Set(['ALREADY_PROCESSED_PAYMENT', 'DUPLICATED_ORDER_ID'])

/**
 * Drives one confirm attempt at the PG, outside any transaction: the confirm with the attempt's Idempotency-Key (the
 * client retries with the same key, so a slow answer is learnt from the replay); when there is no answer, the
 * inquiry read by order number decides — a charge found is an approval, none found means nothing was charged
 * (`error_`: FAILED, PG_SERVICE_UNAVAILABLE); an inquiry that also goes unanswered leaves the outcome unknown.
 */
export async function driveApproval(
  gateway: TossGateway,
  attempt: { paymentKey: string; orderNo: string; amount: number; idempotencyKey: string; traceparent?: string },
): Promise<Resolution> {
  const outcome = await gateway.confirm(attempt)
  if (outcome.kind === 'done') {
    const { lastTransactionKey, approvedAt } = outcome.payment
    return { kind: 'approved', pgTransactionKey: lastTransactionKey, approvedAt: new Date(approvedAt) }
  }
  if (outcome.kind === 'refused' && !alreadyCharged.has(outcome.code)) {
    return { kind: 'declined', pgErrorCode: outcome.code }
  }
  const inquiry = await gateway.inquire(attempt.orderNo, attempt.traceparent)
  if (inquiry.kind === 'done') {
    const { paymentKey, totalAmount, approvedAt, lastTransactionKey } = inquiry.payment
    if (paymentKey === attempt.paymentKey && totalAmount === attempt.amount) {
      return { kind: 'approved', pgTransactionKey: lastTransactionKey, approvedAt: new Date(approvedAt) }
    }
    return { kind: 'unknown', reason: 'the PG holds another charge for this order number' }
  }
  if (inquiry.kind === 'refused' && inquiry.code === 'NOT_FOUND_PAYMENT') {
    return { kind: 'not-charged', pgErrorCode: outcome.kind === 'refused' ? outcome.code : outcome.reason }
  }
  return { kind: 'unknown', reason: inquiry.kind === 'unknown' ? inquiry.reason : inquiry.code }
}
