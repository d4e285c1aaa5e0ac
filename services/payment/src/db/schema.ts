import { bigint, boolean, datetime, index, int, json, mysqlTable, varbinary, varchar } from 'drizzle-orm/mysql-core'
import type { PaymentStatus } from '../domain/payment-status'

// The platform's tables: the outbox Debezium reads, the inbox, idempotency keys, job leases.
export { idempotencyKeys, jobLeases, outbox, parkedEvents, processedEvents } from '@commerce/platform/db'

const id = (name: string) => bigint(name, { mode: 'number', unsigned: true })
const money = (name: string) => bigint(name, { mode: 'number' })
const at = (name: string) => datetime(name, { mode: 'date', fsp: 3 })

/**
 * What payment has learnt of an order from the saga, before (and besides) its payment: `order.placed` (buyer,
 * amount, order number), `stock.reserved`, `order.cancelled`. Either of the first two may come first (SPEC §6); the
 * payment is created once both are here, unless the order was cancelled.
 */
export const orderFacts = mysqlTable('order_facts', {
  orderId: id('order_id').primaryKey(),
  userId: id('user_id'),
  orderNo: varchar('order_no', { length: 64 }),
  amount: money('amount'),
  placedAt: at('placed_at'),
  reservedAt: at('reserved_at'),
  cancelledAt: at('cancelled_at'),
  updatedAt: at('updated_at').notNull(),
})

/** One payment per order (SPEC §4 payment); `status` per domain/payment-status.ts. */
export const payments = mysqlTable(
  'payments',
  {
    paymentId: id('payment_id').autoincrement().primaryKey(),
    orderId: id('order_id').notNull().unique(),
    userId: id('user_id').notNull(),
    orderNo: varchar('order_no', { length: 64 }).notNull(),
    amount: money('amount').notNull(),
    refundedAmount: money('refunded_amount').notNull().default(0),
    currency: varchar('currency', { length: 3 }).notNull().default('KRW'),
    status: varchar('status', { length: 24 }).$type<PaymentStatus>().notNull(),
    /** Why it ended FAILED or CANCELED (payment.failed's reason). */
    failureReason: varchar('failure_reason', { length: 40 }),
    /** The end of the payment window: READY past it, with no confirm in flight, expires. */
    expiresAt: at('expires_at').notNull(),
    /** The buyer's paymentKey from the first confirm (the PG's key for this payment). */
    paymentKey: varchar('payment_key', { length: 200 }),
    approvedAt: at('approved_at'),
    /** The PG's transaction key of the approval (payment.completed's pgTransactionId). */
    pgTransactionKey: varchar('pg_transaction_key', { length: 200 }),
    /** order.cancelled arrived while a confirm was in flight: an approval becomes a refund. */
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('payments_status_expires').on(t.status, t.expiresAt)],
)

/**
 * Every call to the PG and its result (SPEC §4): APPROVAL (one row per confirm attempt: PENDING until its outcome is
 * known, then SUCCESS or FAILED) and CANCEL (one row per refund try). `idempotencyKey` is what the PG got; a retry of
 * the same attempt sends the same one, so the PG never charges or cancels twice.
 */
export const pgTransactions = mysqlTable(
  'pg_transactions',
  {
    id: id('id').autoincrement().primaryKey(),
    paymentId: id('payment_id').notNull(),
    type: varchar('type', { length: 16 }).notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    amount: money('amount').notNull(),
    idempotencyKey: varchar('idempotency_key', { length: 64 }).notNull(),
    paymentKey: varchar('payment_key', { length: 200 }).notNull(),
    pgTransactionKey: varchar('pg_transaction_key', { length: 200 }),
    pgErrorCode: varchar('pg_error_code', { length: 100 }),
    refundId: id('refund_id'),
    /** The confirm request behind an APPROVAL: its Idempotency-Key record gets the answer when the outcome is known. */
    requestScope: varbinary('request_scope', { length: 100 }),
    requestKey: varbinary('request_key', { length: 255 }),
    /** The request or event that caused the attempt: the causation of the events its outcome publishes. */
    causationId: varchar('causation_id', { length: 64 }).notNull(),
    createdAt: at('created_at').notNull(),
    occurredAt: at('occurred_at'),
  },
  (t) => [
    index('pg_transactions_payment').on(t.paymentId, t.type, t.status),
    index('pg_transactions_pending').on(t.type, t.status, t.createdAt),
  ],
)

/**
 * A refund to do (a PG cancel): asked by `order.refund.requested` or owed after `order.cancelled` met an approval.
 * `sourceKey` makes each one once (per order and items, or per cancelled order); `idempotencyKey` is kept across its
 * retries. PENDING until DONE, or FAILED after PAYMENT_REFUND_MAX_ATTEMPTS (→ payment.refund.failed).
 */
export const refunds = mysqlTable(
  'refunds',
  {
    id: id('id').autoincrement().primaryKey(),
    paymentId: id('payment_id').notNull(),
    orderId: id('order_id').notNull(),
    sourceKey: varchar('source_key', { length: 255 }).notNull().unique(),
    reason: varchar('reason', { length: 24 }).$type<'REFUND_REQUESTED' | 'ORDER_CANCELLED'>().notNull(),
    amount: money('amount').notNull(),
    refundedItemIds: json('refunded_item_ids').$type<number[]>(),
    idempotencyKey: varchar('idempotency_key', { length: 64 }).notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    attempts: int('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    lastErrorCode: varchar('last_error_code', { length: 100 }),
    causationId: varchar('causation_id', { length: 64 }).notNull(),
    createdAt: at('created_at').notNull(),
    doneAt: at('done_at'),
  },
  (t) => [index('refunds_due').on(t.status, t.nextAttemptAt)],
)
