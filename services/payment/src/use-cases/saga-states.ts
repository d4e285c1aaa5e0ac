import type { Db } from '@commerce/platform/db'
import type { SagaTransition } from '@commerce/platform/service'
import { asc, eq } from 'drizzle-orm'
import { payments, pgTransactions, refunds } from '../db/schema'

type Payment = typeof payments.$inferSelect
type PgTransaction = typeof pgTransactions.$inferSelect
type Refund = typeof refunds.$inferSelect

const iso = (at: Date) => at.toISOString()

// The payment row keeps its current status only: its creation and, when it moved on, where it stands now.
const paymentSteps = (p: Payment): SagaTransition[] => [
  { at: iso(p.createdAt), subject: `payment ${p.paymentId}`, from: null, to: 'READY', detail: `amount ${p.amount}` },
  ...(p.status === 'READY'
    ? []
    : [
        {
          at: iso(p.approvedAt ?? p.updatedAt),
          subject: `payment ${p.paymentId}`,
          from: 'READY',
          to: p.status,
          ...(p.failureReason ? { detail: p.failureReason } : {}),
        },
      ]),
]

const pgStep = (row: PgTransaction): SagaTransition => ({
  at: iso(row.occurredAt ?? row.createdAt),
  subject: `pg ${row.type} ${row.id}`,
  to: row.status,
  detail: [`amount ${row.amount}`, row.pgErrorCode && `error ${row.pgErrorCode}`].filter(Boolean).join(', '),
})

const refundStep = (row: Refund): SagaTransition => ({
  at: iso(row.doneAt ?? row.createdAt),
  subject: `refund ${row.id}`,
  to: row.status,
  detail: [row.reason, `amount ${row.amount}`, `attempts ${row.attempts}`, row.lastErrorCode]
    .filter(Boolean)
    .join(', '),
})

/** The order's payment, its PG calls and refunds, for the ops saga timeline (correlation id = order id). */
export async function paymentSagaStates(db: Db, correlationId: string): Promise<SagaTransition[]> {
  const orderId = Number(correlationId)
  if (!/^[1-9]\d{0,15}$/.test(correlationId) || !Number.isSafeInteger(orderId)) return []
  const [payment] = await db.select().from(payments).where(eq(payments.orderId, orderId))
  if (!payment) return []
  const [calls, refundRows] = await Promise.all([
    db
      .select()
      .from(pgTransactions)
      .where(eq(pgTransactions.paymentId, payment.paymentId))
      .orderBy(asc(pgTransactions.id)),
    db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.id)),
  ])
  const steps = [...paymentSteps(payment), ...calls.map(pgStep), ...refundRows.map(refundStep)]
  return steps.sort((a, b) => a.at.localeCompare(b.at))
}
