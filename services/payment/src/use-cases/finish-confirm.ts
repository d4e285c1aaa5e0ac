import type { EventMeta } from '@commerce/contracts'
import type { AnyTx } from '@commerce/platform/db'
import { eq } from 'drizzle-orm'
import { pgTransactions } from '../db/schema'
import { answerOf, type ConfirmAnswer } from '../domain/confirm'
import type { Resolution } from './drive-approval'
import { counted } from './metrics'
import { paymentEvents } from './payment-events'
import { cancelSourceKey, recordRefund } from './record-refund'
import { lockPayment, type PaymentRow, type PgTransactionRow, updatePayment } from './rows'

/** How the second transaction ended: the answer, and a refund to work after commit when a cancel met an approval. */
export interface Finished {
  answer: ConfirmAnswer
  paymentId: number
  refundId?: number
}

async function closeAttempt(tx: AnyTx, attempt: PgTransactionRow, resolution: Resolution) {
  const success = resolution.kind === 'approved'
  await tx
    .update(pgTransactions)
    .set({
      status: success ? 'SUCCESS' : 'FAILED',
      pgTransactionKey: success ? resolution.pgTransactionKey : null,
      pgErrorCode: resolution.kind === 'declined' || resolution.kind === 'not-charged' ? resolution.pgErrorCode : null,
      occurredAt: new Date(),
    })
    .where(eq(pgTransactions.id, attempt.id))
}

// Approved: APPROVED + payment.completed; if the order was cancelled meanwhile, the charge becomes a refund instead.
async function approve(
  tx: AnyTx,
  at: { payment: PaymentRow; resolution: Resolution & { kind: 'approved' } },
  meta: EventMeta,
) {
  const { resolution } = at
  const payment = await updatePayment(tx, at.payment, {
    status: 'APPROVED',
    approvedAt: resolution.approvedAt,
    pgTransactionKey: resolution.pgTransactionKey,
  })
  if (!payment.cancelRequested) {
    const completed = { payment, pgTransactionId: resolution.pgTransactionKey, approvedAt: resolution.approvedAt }
    await paymentEvents.completed(tx, completed, meta)
    return { answer: { kind: counted('confirm', 'approved') }, paymentId: payment.paymentId }
  }
  const refund = { payment, sourceKey: cancelSourceKey(payment.orderId), reason: 'ORDER_CANCELLED' as const }
  const { refundId } = await recordRefund(tx, { ...refund, amount: payment.amount }, meta)
  counted('confirm', 'approved-after-cancel')
  return { answer: { kind: 'order-cancelled' as const }, paymentId: payment.paymentId, refundId }
}

/**
 * The confirm's second transaction (SPEC §4), shared by the request and the settle job: applies what the PG made of
 * the attempt, once — whoever comes second finds the attempt closed and answers from the payment as it stands. An
 * unknown outcome leaves the attempt pending for the settle job.
 */
export async function finishConfirm(
  tx: AnyTx,
  at: { attemptId: number; resolution: Resolution },
  meta: EventMeta,
): Promise<Finished> {
  const [attempt] = await tx.select().from(pgTransactions).where(eq(pgTransactions.id, at.attemptId))
  if (!attempt) throw new Error(`confirm attempt ${at.attemptId} vanished`)
  const locked = await lockPayment(tx, attempt.paymentId)
  if (!locked) throw new Error(`payment ${attempt.paymentId} vanished`)
  const [current] = await tx.select().from(pgTransactions).where(eq(pgTransactions.id, at.attemptId))
  const { resolution } = at
  if (current?.status !== 'PENDING' || locked.status !== 'READY') {
    return { answer: answerOf(locked), paymentId: locked.paymentId }
  }
  if (resolution.kind === 'unknown') {
    return { answer: { kind: counted('confirm', 'outcome-unknown') }, paymentId: locked.paymentId }
  }
  await closeAttempt(tx, current, resolution)
  if (resolution.kind === 'approved') return approve(tx, { payment: locked, resolution }, meta)
  const reason = locked.cancelRequested
    ? 'ORDER_CANCELLED'
    : resolution.kind === 'declined'
      ? 'PG_DECLINED'
      : 'PG_SERVICE_UNAVAILABLE'
  const failed = await updatePayment(tx, locked, { status: 'FAILED', failureReason: reason })
  await paymentEvents.failed(tx, { payment: failed, reason, pgErrorCode: resolution.pgErrorCode }, meta)
  const answer: ConfirmAnswer = locked.cancelRequested
    ? { kind: 'order-cancelled' }
    : { kind: resolution.kind === 'declined' ? 'declined' : 'not-processed', pgErrorCode: resolution.pgErrorCode }
  counted('confirm', answer.kind)
  return { answer, paymentId: locked.paymentId }
}
