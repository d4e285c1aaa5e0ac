import type { JobSummary } from '@commerce/platform/jobs'
import { and, asc, eq, lte } from 'drizzle-orm'
import { payments, pgTransactions, refunds } from '../db/schema'
import { requestOf, settleKey } from './confirm-payment'
import type { PgDeps } from './deps'
import { driveApproval } from './drive-approval'
import { finishConfirm } from './finish-confirm'
import { counted } from './metrics'
import { workRefund } from './work-refund'

const page = 50

// A confirm attempt left pending (its request got no answer from the PG, or died): ask the PG again, same key.
async function settleAttempt(deps: PgDeps, attemptId: number): Promise<'settled' | 'unknown'> {
  const [row] = await deps.db
    .select({ attempt: pgTransactions, orderNo: payments.orderNo })
    .from(pgTransactions)
    .innerJoin(payments, eq(payments.paymentId, pgTransactions.paymentId))
    .where(and(eq(pgTransactions.id, attemptId), eq(pgTransactions.status, 'PENDING')))
  if (!row) return 'settled'
  const { attempt, orderNo } = row
  const resolution = await driveApproval(deps.gateway, { ...attempt, orderNo })
  const meta = { now: new Date(), correlationId: '', causationId: attempt.causationId }
  const finished = await deps.db.transaction((tx) => finishConfirm(tx, { attemptId, resolution }, meta))
  if (finished.refundId) await workRefund(deps, finished.refundId)
  await settleKey(deps.db, { request: requestOf(attempt), ...finished })
  return counted('settle', resolution.kind === 'unknown' ? 'unknown' : 'settled')
}

/**
 * The settle job's run (leased): confirm attempts pending longer than `afterMs` are driven again with their own PG
 * Idempotency-Key and the inquiry read; refunds due are tried again (or given up after their last try).
 */
export async function settlePending(deps: PgDeps & { afterMs: number }, signal?: AbortSignal): Promise<JobSummary> {
  const counts = { attemptsSettled: 0, attemptsUnknown: 0, refundsTried: 0 }
  const before = new Date(Date.now() - deps.afterMs)
  const attempts = await deps.db
    .select({ id: pgTransactions.id })
    .from(pgTransactions)
    .where(
      and(
        eq(pgTransactions.type, 'APPROVAL'),
        eq(pgTransactions.status, 'PENDING'),
        lte(pgTransactions.createdAt, before),
      ),
    )
    .orderBy(asc(pgTransactions.createdAt))
    .limit(page)
  for (const { id } of attempts) {
    if (signal?.aborted) return counts
    if ((await settleAttempt(deps, id)) === 'settled') counts.attemptsSettled += 1
    else counts.attemptsUnknown += 1
  }
  const due = await deps.db
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.status, 'PENDING'), lte(refunds.nextAttemptAt, new Date())))
    .orderBy(asc(refunds.nextAttemptAt))
    .limit(page)
  for (const { id } of due) {
    if (signal?.aborted) return counts
    await workRefund(deps, id)
    counts.refundsTried += 1
  }
  return counts
}
