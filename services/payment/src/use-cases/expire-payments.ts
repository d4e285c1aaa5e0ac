import type { JobSummary } from '@commerce/platform/jobs'
import { and, asc, eq, gt, lte, or } from 'drizzle-orm'
import type { PaymentDb } from '../db'
import { payments } from '../db/schema'
import { counted } from './metrics'
import { paymentEvents } from './payment-events'
import { lockPayment, pendingApproval, updatePayment } from './rows'

const page = 100

type Cursor = { expiresAt: Date; paymentId: number }

async function dueReady(db: PaymentDb, at: { now: Date; after: Cursor | undefined }) {
  const { after } = at
  const past = and(eq(payments.status, 'READY'), lte(payments.expiresAt, at.now))
  const next = after
    ? or(
        gt(payments.expiresAt, after.expiresAt),
        and(eq(payments.expiresAt, after.expiresAt), gt(payments.paymentId, after.paymentId)),
      )
    : undefined
  return db
    .select({ paymentId: payments.paymentId, expiresAt: payments.expiresAt })
    .from(payments)
    .where(next ? and(past, next) : past)
    .orderBy(asc(payments.expiresAt), asc(payments.paymentId))
    .limit(page)
}

// One payment, in its own transaction and under its lock: two runs at once still expire it once.
async function expireOne(db: PaymentDb, paymentId: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const payment = await lockPayment(tx, paymentId)
    const now = new Date()
    if (payment?.status !== 'READY' || payment.expiresAt.getTime() > now.getTime()) return false
    if (await pendingApproval(tx, paymentId)) return false // a confirm in flight decides it
    const expired = await updatePayment(tx, payment, { status: 'FAILED', failureReason: 'PAYMENT_TIMEOUT' })
    const meta = { now, correlationId: String(payment.orderId), causationId: crypto.randomUUID() }
    await paymentEvents.failed(tx, { payment: expired, reason: 'PAYMENT_TIMEOUT' }, meta)
    counted('expire', 'expired')
    return true
  })
}

/**
 * The payment window (SPEC §6): READY payments past `expiresAt` with no confirm in flight → FAILED +
 * `payment.failed {PAYMENT_TIMEOUT}`. Pages by (expires_at, payment_id), so payments it must skip (a confirm in
 * flight) never hide the ones behind them.
 */
export async function expireDue(db: PaymentDb, signal?: AbortSignal): Promise<JobSummary> {
  const counts = { expired: 0, skipped: 0 }
  const now = new Date()
  for (let after: Cursor | undefined; ; ) {
    const due = await dueReady(db, { now, after })
    for (const { paymentId } of due) {
      if (signal?.aborted) return counts
      if (await expireOne(db, paymentId)) counts.expired += 1
      else counts.skipped += 1
    }
    if (due.length < page) return counts
    after = due.at(-1)
  }
}
