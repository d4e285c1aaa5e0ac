import type { AnyTx } from '@commerce/platform/db'
import { describeError } from '@commerce/platform/errors'
import { and, eq } from 'drizzle-orm'
import { payments, pgTransactions, refunds } from '../db/schema'
import { afterRefund } from '../domain/payment-status'
import { cancelReasonText, nextRefundTry } from '../domain/refund-retry'
import type { PgOutcome } from '../gateway/toss'
import type { PgDeps } from './deps'
import { counted } from './metrics'
import { paymentEvents } from './payment-events'
import type { RefundRow } from './record-refund'
import { lockPayment, type PaymentRow, updatePayment } from './rows'

export type RefundOutcome = 'done' | 'retry' | 'failed' | 'not-due'

const metaOf = (refund: RefundRow, now: Date) => ({
  now,
  correlationId: String(refund.orderId),
  causationId: refund.causationId,
})

async function lockRefund(tx: AnyTx, refundId: number): Promise<RefundRow | undefined> {
  const [row] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for('update')
  return row
}

// The PG cancelled: the payment's books follow, and payment.refunded says how much is left.
async function applyDone(tx: AnyTx, at: { refund: RefundRow; payment: PaymentRow; pgKey: string; now: Date }) {
  const { refund, payment, now } = at
  const next = afterRefund(payment, refund.amount)
  const books =
    'refused' in next
      ? { status: 'REFUNDED' as const, refundedAmount: payment.amount } // the PG is the judge of what it holds
      : next
  const updated = await updatePayment(tx, payment, { ...books, updatedAt: now })
  await tx.update(refunds).set({ status: 'DONE', doneAt: now, lastErrorCode: null }).where(eq(refunds.id, refund.id))
  const event = { payment: updated, pgTransactionId: at.pgKey, reason: refund.reason, refundedAmount: refund.amount }
  await paymentEvents.refunded(tx, { ...event, refundedItemIds: refund.refundedItemIds }, metaOf(refund, now))
}

// The PG refused or did not answer: try again later with the same key, or give up after the last try.
async function applyMiss(tx: AnyTx, at: { refund: RefundRow; payment: PaymentRow; code: string; deps: PgDeps }) {
  const { refund, payment, code, deps } = at
  const now = new Date()
  const attempts = refund.attempts + 1
  if (attempts < deps.refundRetry.maxAttempts) {
    const nextAttemptAt = nextRefundTry({ now, attempts, baseMs: deps.refundRetry.baseMs })
    await tx.update(refunds).set({ attempts, nextAttemptAt, lastErrorCode: code }).where(eq(refunds.id, refund.id))
    return counted('refund', 'retry')
  }
  await tx.update(refunds).set({ attempts, status: 'FAILED', lastErrorCode: code }).where(eq(refunds.id, refund.id))
  const failure = { payment, reason: refund.reason, amount: refund.amount, pgErrorCode: code }
  await paymentEvents.refundFailed(tx, { ...failure, refundedItemIds: refund.refundedItemIds }, metaOf(refund, now))
  deps.logger.error('refund failed after its retries', { refundId: refund.id, orderId: refund.orderId, code })
  return counted('refund', 'failed')
}

async function record(deps: PgDeps, at: { refundId: number; outcome: PgOutcome; paymentKey: string; tries: number }) {
  return deps.db.transaction(async (tx) => {
    const refund = await lockRefund(tx, at.refundId)
    if (refund?.status !== 'PENDING') return 'not-due' as const
    // Another worker tried the same key at the same time and recorded this try's miss already.
    if (at.outcome.kind !== 'done' && refund.attempts !== at.tries) return 'not-due' as const
    const payment = await lockPayment(tx, refund.paymentId)
    if (!payment) throw new Error(`refund ${refund.id} has no payment ${refund.paymentId}`)
    const { outcome } = at
    const now = new Date()
    await tx.insert(pgTransactions).values({
      paymentId: payment.paymentId,
      type: 'CANCEL',
      status: outcome.kind === 'done' ? 'SUCCESS' : outcome.kind === 'refused' ? 'FAILED' : 'UNKNOWN',
      amount: refund.amount,
      idempotencyKey: refund.idempotencyKey,
      paymentKey: at.paymentKey,
      pgTransactionKey: outcome.kind === 'done' ? outcome.payment.lastTransactionKey : null,
      pgErrorCode: outcome.kind === 'refused' ? outcome.code : outcome.kind === 'unknown' ? outcome.reason : null,
      refundId: refund.id,
      causationId: refund.causationId,
      createdAt: now,
      occurredAt: now,
    })
    if (outcome.kind === 'done') {
      await applyDone(tx, { refund, payment, pgKey: outcome.payment.lastTransactionKey, now })
      return counted('refund', 'done')
    }
    const code = outcome.kind === 'refused' ? outcome.code : `UNKNOWN_${outcome.reason}`
    return applyMiss(tx, { refund, payment, code, deps })
  })
}

/**
 * One try of a refund: the PG cancel outside any transaction (its Idempotency-Key fixed when the refund was recorded,
 * so a second try, a second worker or a crash in between never cancels twice), then one transaction that records the
 * try and moves the payment (`payment.refunded`), or schedules the next try, or gives up (`payment.refund.failed`).
 */
export async function workRefund(deps: PgDeps, refundId: number, traceparent?: string): Promise<RefundOutcome> {
  const [due] = await deps.db
    .select()
    .from(refunds)
    .where(and(eq(refunds.id, refundId), eq(refunds.status, 'PENDING')))
  if (!due) return 'not-due'
  const [payment] = await deps.db
    .select({ paymentKey: payments.paymentKey })
    .from(payments)
    .where(eq(payments.paymentId, due.paymentId))
  const paymentKey = payment?.paymentKey
  if (!paymentKey) throw new Error(`refund ${refundId}: payment ${due.paymentId} was never charged`)
  const outcome = await deps.gateway.cancel({
    paymentKey,
    reason: cancelReasonText(due.reason),
    amount: due.amount,
    idempotencyKey: due.idempotencyKey,
    traceparent,
  })
  return record(deps, { refundId, outcome, paymentKey, tries: due.attempts })
}

/** Works a refund right after the transaction that recorded it; a failure here is left to the settle job. */
export function workRefundSoon(deps: PgDeps, refundId: number, traceparent?: string): Promise<void> {
  return workRefund(deps, refundId, traceparent).then(
    () => undefined,
    (error: unknown) =>
      deps.logger.warn('refund try failed; the settle job retries it', { refundId, error: describeError(error) }),
  )
}
