import type { AnyTx } from '@commerce/platform/db'
import { and, eq } from 'drizzle-orm'
import { payments, pgTransactions } from '../db/schema'

export type PaymentRow = typeof payments.$inferSelect
export type PgTransactionRow = typeof pgTransactions.$inferSelect

/** The order's payment, locked for this transaction (every change to a payment goes through this lock). */
export async function lockPaymentOfOrder(tx: AnyTx, orderId: number): Promise<PaymentRow | undefined> {
  const [row] = await tx.select().from(payments).where(eq(payments.orderId, orderId)).for('update')
  return row
}

/** A payment by id, locked for this transaction. */
export async function lockPayment(tx: AnyTx, paymentId: number): Promise<PaymentRow | undefined> {
  const [row] = await tx.select().from(payments).where(eq(payments.paymentId, paymentId)).for('update')
  return row
}

/** The payment's confirm attempt still waiting for the PG's outcome, if any (read under the payment's lock). */
export async function pendingApproval(tx: AnyTx, paymentId: number): Promise<PgTransactionRow | undefined> {
  const [row] = await tx
    .select()
    .from(pgTransactions)
    .where(
      and(
        eq(pgTransactions.paymentId, paymentId),
        eq(pgTransactions.type, 'APPROVAL'),
        eq(pgTransactions.status, 'PENDING'),
      ),
    )
    .limit(1)
  return row
}

/** Sets `changes` on the payment and returns the row as it now is. */
export async function updatePayment(
  tx: AnyTx,
  payment: PaymentRow,
  changes: Partial<Omit<PaymentRow, 'paymentId'>>,
): Promise<PaymentRow> {
  const updated = { ...changes, updatedAt: changes.updatedAt ?? new Date() }
  await tx.update(payments).set(updated).where(eq(payments.paymentId, payment.paymentId))
  return { ...payment, ...updated }
}
