import type { EventMeta } from '@commerce/contracts'
import type { AnyTx } from '@commerce/platform/db'
import { eq } from 'drizzle-orm'
import { orderFacts, pgTransactions } from '../db/schema'
import { type ConfirmAnswer, decideConfirm } from '../domain/confirm'
import { paymentEvents } from './payment-events'
import { lockPaymentOfOrder, type PgTransactionRow, pendingApproval, updatePayment } from './rows'

/** A confirm request: the caller, the body, and the Idempotency-Key record whose answer the outcome settles. */
export interface ConfirmInput {
  userId: number
  orderId: number
  paymentKey: string
  amount: number
  request?: { scope: string; key: string }
}

/** How the first transaction ended: an answer now, or an attempt to drive at the PG (new or joined). */
export type Begun =
  | { kind: 'answer'; answer: ConfirmAnswer; paymentId?: number }
  | { kind: 'not-ready' | 'not-found' }
  | { kind: 'drive'; attempt: PgTransactionRow; orderNo: string }

// No payment: someone else's order is a 404 (nothing about it is shown); the buyer's own is "not yet" (409).
async function absent(tx: AnyTx, input: ConfirmInput): Promise<Begun> {
  const [facts] = await tx
    .select({ userId: orderFacts.userId })
    .from(orderFacts)
    .where(eq(orderFacts.orderId, input.orderId))
  return facts?.userId && facts.userId !== input.userId ? { kind: 'not-found' } : { kind: 'not-ready' }
}

/**
 * The confirm's first, short transaction (SPEC §4): under the payment's lock, checks it is the caller's, READY, in its
 * window and for this amount, and records the attempt (paymentKey, the PG Idempotency-Key) — or answers at once.
 * Nothing here calls the PG.
 */
export async function beginConfirm(tx: AnyTx, input: ConfirmInput, meta: EventMeta): Promise<Begun> {
  const payment = await lockPaymentOfOrder(tx, input.orderId)
  if (!payment) return absent(tx, input)
  if (payment.userId !== input.userId) return { kind: 'not-found' }
  const pending = await pendingApproval(tx, payment.paymentId)
  const view = { ...payment, pending: pending ? { paymentKey: pending.paymentKey } : null }
  const decision = decideConfirm(view, { ...input, now: meta.now })
  switch (decision.kind) {
    case 'answer':
      return { kind: 'answer', answer: decision.answer, paymentId: payment.paymentId }
    case 'join':
      if (!pending) throw new Error('join decided without an attempt in flight')
      return { kind: 'drive', attempt: pending, orderNo: payment.orderNo }
    case 'expire': {
      const expired = await updatePayment(tx, payment, { status: 'FAILED', failureReason: 'PAYMENT_TIMEOUT' })
      await paymentEvents.failed(tx, { payment: expired, reason: 'PAYMENT_TIMEOUT' }, meta)
      return { kind: 'answer', answer: { kind: 'expired' }, paymentId: payment.paymentId }
    }
    case 'start': {
      const attempt = {
        paymentId: payment.paymentId,
        type: 'APPROVAL',
        status: 'PENDING',
        amount: payment.amount,
        idempotencyKey: crypto.randomUUID(),
        paymentKey: input.paymentKey,
        requestScope: input.request?.scope ?? null,
        requestKey: input.request?.key ?? null,
        causationId: meta.causationId.slice(0, 64),
        createdAt: meta.now,
      }
      const [row] = await tx.insert(pgTransactions).values(attempt).$returningId()
      if (!row) throw new Error('attempt insert returned no id')
      await updatePayment(tx, payment, { paymentKey: input.paymentKey })
      const inserted = {
        ...attempt,
        id: row.id,
        pgTransactionKey: null,
        pgErrorCode: null,
        refundId: null,
        occurredAt: null,
      }
      return { kind: 'drive', attempt: inserted, orderNo: payment.orderNo }
    }
    default:
      return decision satisfies never
  }
}
