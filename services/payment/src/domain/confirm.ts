import type { PaymentStatus } from './payment-status'

/** What a confirm looks at: the payment and, if any, its confirm attempt still waiting for the PG's outcome. */
export interface ConfirmView {
  status: PaymentStatus
  amount: number
  expiresAt: Date
  paymentKey: string | null
  failureReason: string | null
  cancelRequested: boolean
  pending: { paymentKey: string } | null
}

/** The answer a confirm gets for a payment as it stands (SPEC §4): 200 APPROVED or one of PaymentErrors. */
export type ConfirmAnswer =
  | { kind: 'approved' }
  | { kind: 'declined' | 'not-processed'; pgErrorCode: string }
  | { kind: 'order-cancelled' | 'expired' | 'amount-mismatch' | 'in-progress' | 'outcome-unknown' }
  | { kind: 'not-payable'; status: PaymentStatus }

/** What to do with a confirm: answer at once, start an attempt, join the one in flight, or expire the payment. */
export type ConfirmDecision =
  | { kind: 'answer'; answer: ConfirmAnswer }
  | { kind: 'start' }
  | { kind: 'join' }
  | { kind: 'expire' }

/** The answer a finished payment gives any confirm of the same paymentKey (a replay, a joiner, a late retry). */
export function answerOf(view: Omit<ConfirmView, 'pending' | 'expiresAt' | 'amount'>): ConfirmAnswer {
  switch (view.status) {
    case 'APPROVED':
      return { kind: 'approved' }
    case 'READY':
      return view.cancelRequested ? { kind: 'order-cancelled' } : { kind: 'outcome-unknown' }
    case 'CANCELED':
      return { kind: 'order-cancelled' }
    case 'FAILED':
      if (view.failureReason === 'ORDER_CANCELLED') return { kind: 'order-cancelled' }
      if (view.failureReason === 'PAYMENT_TIMEOUT') return { kind: 'expired' }
      if (view.failureReason === 'PG_DECLINED') return { kind: 'declined', pgErrorCode: view.failureReason }
      if (view.failureReason === 'PG_SERVICE_UNAVAILABLE')
        return { kind: 'not-processed', pgErrorCode: view.failureReason }
      return { kind: 'not-payable', status: view.status }
    case 'PARTIALLY_REFUNDED':
    case 'REFUNDED':
      return view.cancelRequested ? { kind: 'order-cancelled' } : { kind: 'not-payable', status: view.status }
    default:
      return view.status satisfies never
  }
}

/**
 * Decides a confirm `{paymentKey, amount}` against the payment (SPEC §4): the amount must match (else the payment is
 * left as it is); a READY payment starts one attempt, or joins the one in flight when it is for the same paymentKey;
 * a payment past its window expires; a decided payment answers what it came to (a second confirm of an approved
 * payment gets the same 200).
 */
export function decideConfirm(
  view: ConfirmView,
  input: { paymentKey: string; amount: number; now: Date },
): ConfirmDecision {
  const answer = (a: ConfirmAnswer): ConfirmDecision => ({ kind: 'answer', answer: a })
  if (input.amount !== view.amount) return answer({ kind: 'amount-mismatch' })
  if (view.status !== 'READY') {
    if (view.status === 'APPROVED' && view.paymentKey !== input.paymentKey) {
      return answer({ kind: 'not-payable', status: view.status })
    }
    return answer(answerOf(view))
  }
  if (view.pending)
    return view.pending.paymentKey === input.paymentKey ? { kind: 'join' } : answer({ kind: 'in-progress' })
  if (view.cancelRequested) return answer({ kind: 'order-cancelled' })
  if (view.expiresAt.getTime() <= input.now.getTime()) return { kind: 'expire' }
  return { kind: 'start' }
}

/** Whether an answer is final (kept under the request's Idempotency-Key) or a "not yet" a retry may change. */
export const isFinalAnswer = (answer: ConfirmAnswer) =>
  answer.kind !== 'in-progress' && answer.kind !== 'outcome-unknown'
