/** A payment's states (SPEC §4 payment). READY until the buyer confirms; CANCELED = voided before any charge. */
export const paymentStatuses = ['READY', 'APPROVED', 'FAILED', 'CANCELED', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const
export type PaymentStatus = (typeof paymentStatuses)[number]

const moves: Record<PaymentStatus, readonly PaymentStatus[]> = {
  READY: ['APPROVED', 'FAILED', 'CANCELED'],
  APPROVED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  PARTIALLY_REFUNDED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  FAILED: [],
  CANCELED: [],
  REFUNDED: [],
}

/** Whether a payment in `from` may move to `to`. */
export const canMove = (from: PaymentStatus, to: PaymentStatus): boolean => moves[from].includes(to)

/** What is left to refund of a charged payment. */
export const refundable = (payment: { amount: number; refundedAmount: number }) =>
  Math.max(payment.amount - payment.refundedAmount, 0)

/**
 * The status after refunding `amount` more, or a refusal when it is more than is left (never a negative balance).
 * A payment never charged (READY, FAILED, CANCELED) has nothing to refund.
 */
export function afterRefund(
  payment: { status: PaymentStatus; amount: number; refundedAmount: number },
  amount: number,
): { status: PaymentStatus; refundedAmount: number } | { refused: 'NOT_CHARGED' | 'MORE_THAN_LEFT' } {
  if (payment.status !== 'APPROVED' && payment.status !== 'PARTIALLY_REFUNDED') return { refused: 'NOT_CHARGED' }
  if (amount <= 0 || amount > refundable(payment)) return { refused: 'MORE_THAN_LEFT' }
  const refundedAmount = payment.refundedAmount + amount
  return { status: refundedAmount === payment.amount ? 'REFUNDED' : 'PARTIALLY_REFUNDED', refundedAmount }
}
