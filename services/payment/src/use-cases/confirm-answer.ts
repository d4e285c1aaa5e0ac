import type { StoredAnswer } from '@commerce/platform/db'
import { type AppError, errorBody, ok } from '@commerce/platform/http'
import type { ConfirmAnswer } from '../domain/confirm'
import { PaymentErrors } from '../domain/errors'

/** The data of a successful confirm (SPEC §4). */
export const approvedData = (paymentId: number) => ({ paymentId, status: 'APPROVED' as const })

/** The error a confirm answer stands for; null for the 200. */
export function errorOf(answer: ConfirmAnswer): AppError | null {
  switch (answer.kind) {
    case 'approved':
      return null
    case 'declined':
      return PaymentErrors.declined(answer.pgErrorCode)
    case 'not-processed':
      return PaymentErrors.notProcessed(answer.pgErrorCode)
    case 'order-cancelled':
      return PaymentErrors.orderCancelled()
    case 'expired':
      return PaymentErrors.expired()
    case 'amount-mismatch':
      return PaymentErrors.amountMismatch()
    case 'in-progress':
      return PaymentErrors.confirmInProgress()
    case 'outcome-unknown':
      return PaymentErrors.outcomeUnknown()
    case 'not-payable':
      return PaymentErrors.notPayable(answer.status)
    default:
      return answer satisfies never
  }
}

/** The answer as kept under the request's Idempotency-Key: the SPEC §3 envelope, as the route sends it. */
export function storedAnswerOf(answer: ConfirmAnswer, paymentId: number): StoredAnswer {
  const error = errorOf(answer)
  const body = error ? errorBody(error) : ok(approvedData(paymentId))
  return { status: error ? error.status : 200, contentType: 'application/json', body: JSON.stringify(body) }
}
