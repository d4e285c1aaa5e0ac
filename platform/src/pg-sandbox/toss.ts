import type { Records, TossPayment } from './records'

/** A Toss-style answer: status and a JSON body (a Payment object or `{code, message}`). */
export interface Answer {
  status: number
  body: unknown
}

export const tossError = (status: number, code: string, message: string): Answer => ({
  status,
  body: { code, message },
})

const orderIdPattern = /^[A-Za-z0-9_-]{6,64}$/
const isAmount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0
const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max

export interface ConfirmRequest {
  paymentKey: string
  orderId: string
  amount: number
}

/** The confirm body as Toss checks it: a paymentKey, a 6–64 character orderId, a positive integer amount. */
export function parseConfirm(body: unknown): ConfirmRequest | Answer {
  const b = (body ?? {}) as Record<string, unknown>
  if (!isText(b['paymentKey'], 200)) return tossError(400, 'INVALID_REQUEST', 'paymentKey is required (≤ 200 chars)')
  if (typeof b['orderId'] !== 'string' || !orderIdPattern.test(b['orderId'])) {
    return tossError(400, 'INVALID_REQUEST', 'orderId must be 6–64 characters of A–Z, a–z, 0–9, - and _')
  }
  if (!isAmount(b['amount'])) return tossError(400, 'INVALID_REQUEST', 'amount must be a positive integer')
  return { paymentKey: b['paymentKey'], orderId: b['orderId'], amount: b['amount'] }
}

export interface CancelRequest {
  cancelReason: string
  cancelAmount?: number
}

export function parseCancel(body: unknown): CancelRequest | Answer {
  const b = (body ?? {}) as Record<string, unknown>
  if (!isText(b['cancelReason'], 200))
    return tossError(400, 'INVALID_REQUEST', 'cancelReason is required (≤ 200 chars)')
  if (b['cancelAmount'] !== undefined && !isAmount(b['cancelAmount'])) {
    return tossError(400, 'INVALID_REQUEST', 'cancelAmount must be a positive integer')
  }
  return b['cancelAmount'] === undefined
    ? { cancelReason: b['cancelReason'] }
    : { cancelReason: b['cancelReason'], cancelAmount: b['cancelAmount'] as number }
}

const transactionKey = () => crypto.randomUUID().replaceAll('-', '')

/**
 * Confirms a payment, by the paymentKey's prefix (SPEC §4): `fail_` → 403 REJECT_CARD_PAYMENT, nothing charged;
 * anything else approves (`error_` and `slow_` are handled by the server around this). A paymentKey or orderId
 * already approved answers as Toss does (ALREADY_PROCESSED_PAYMENT / DUPLICATED_ORDER_ID), never a second charge.
 */
export function confirm(records: Records, request: ConfirmRequest, now: Date): Answer {
  if (request.paymentKey.startsWith('fail_')) {
    return tossError(403, 'REJECT_CARD_PAYMENT', '한도초과 혹은 잔액부족으로 결제에 실패했습니다.')
  }
  if (records.byPaymentKey(request.paymentKey))
    return tossError(400, 'ALREADY_PROCESSED_PAYMENT', '이미 처리된 결제 입니다.')
  if (records.byOrderId(request.orderId))
    return tossError(400, 'DUPLICATED_ORDER_ID', '이미 승인 및 취소가 진행된 중복된 주문번호 입니다.')
  const at = now.toISOString()
  const payment: TossPayment = {
    mId: 'tosspayments',
    version: '2022-11-16',
    paymentKey: request.paymentKey,
    orderId: request.orderId,
    orderName: `order ${request.orderId}`,
    status: 'DONE',
    method: '카드',
    currency: 'KRW',
    totalAmount: request.amount,
    balanceAmount: request.amount,
    requestedAt: at,
    approvedAt: at,
    lastTransactionKey: transactionKey(),
    cancels: null,
  }
  records.save(payment)
  return { status: 200, body: payment }
}

/** Cancels all of a payment, or `cancelAmount` of it (PARTIAL_CANCELED until the balance is 0). */
export function cancel(records: Records, at: { paymentKey: string; request: CancelRequest; now: Date }): Answer {
  const payment = records.byPaymentKey(at.paymentKey)
  if (!payment) return tossError(404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.')
  if (payment.status === 'CANCELED') return tossError(400, 'ALREADY_CANCELED_PAYMENT', '이미 취소된 결제 입니다.')
  const amount = at.request.cancelAmount ?? payment.balanceAmount
  if (amount > payment.balanceAmount) {
    return tossError(400, 'NOT_CANCELABLE_AMOUNT', '취소 할 수 없는 금액 입니다.')
  }
  const key = transactionKey()
  const entry = {
    transactionKey: key,
    cancelReason: at.request.cancelReason,
    cancelAmount: amount,
    canceledAt: at.now.toISOString(),
  }
  const balanceAmount = payment.balanceAmount - amount
  const updated: TossPayment = {
    ...payment,
    balanceAmount,
    status: balanceAmount === 0 ? 'CANCELED' : 'PARTIAL_CANCELED',
    lastTransactionKey: key,
    cancels: [...(payment.cancels ?? []), entry],
  }
  records.save(updated)
  return { status: 200, body: updated }
}
