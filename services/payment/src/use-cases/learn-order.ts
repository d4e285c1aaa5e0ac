import type { EventMeta } from '@commerce/contracts'
import type { AnyTx } from '@commerce/platform/db'
import { eq, sql } from 'drizzle-orm'
import { orderFacts, payments } from '../db/schema'
import { pgOrderNo } from '../domain/order-no'
import { counted } from './metrics'
import { paymentEvents } from './payment-events'

/** What one saga event tells payment about an order. */
export type OrderFact =
  | { kind: 'placed'; orderId: number; userId: number; amount: number; orderNo?: string | undefined }
  | { kind: 'reserved'; orderId: number }
  | { kind: 'cancelled'; orderId: number }

const columnsOf = (fact: OrderFact, now: Date) => {
  switch (fact.kind) {
    case 'placed': {
      const { userId, amount } = fact
      return { userId, amount, orderNo: pgOrderNo(fact.orderId, fact.orderNo), placedAt: now }
    }
    case 'reserved':
      return { reservedAt: now }
    case 'cancelled':
      return { cancelledAt: now }
    default:
      return fact satisfies never
  }
}

/**
 * Records `fact` and returns the order's facts as they now stand, locked: the upsert holds the row, so `order.placed`
 * and `stock.reserved` handled at once on two partitions see each other's facts in turn, never neither.
 */
export async function recordFact(tx: AnyTx, fact: OrderFact, now: Date) {
  const columns = columnsOf(fact, now)
  await tx
    .insert(orderFacts)
    .values({ orderId: fact.orderId, ...columns, updatedAt: now })
    .onDuplicateKeyUpdate({ set: { ...columns, updatedAt: sql`values(${orderFacts.updatedAt})` } })
  const [facts] = await tx.select().from(orderFacts).where(eq(orderFacts.orderId, fact.orderId)).for('update')
  if (!facts) throw new Error(`order facts of ${fact.orderId} vanished inside their transaction`)
  return facts
}

/**
 * `order.placed` or `stock.reserved` (SPEC §6 step 3, either first): remembers what it says; once both are known
 * and the order was not cancelled, creates the payment READY (window `windowMs`) and publishes `payment.created`,
 * once per order (the payments row is unique per order).
 */
export async function learnOrder(
  tx: AnyTx,
  input: { fact: OrderFact; windowMs: number },
  meta: EventMeta,
): Promise<'created' | 'waiting' | 'cancelled-first' | 'exists'> {
  const facts = await recordFact(tx, input.fact, meta.now)
  const { userId, amount, orderNo } = facts
  if (facts.cancelledAt) return counted('create', 'cancelled-first')
  if (!facts.placedAt || !facts.reservedAt || userId === null || amount === null || orderNo === null) {
    return counted('create', 'waiting')
  }
  const [existing] = await tx
    .select({ id: payments.paymentId })
    .from(payments)
    .where(eq(payments.orderId, facts.orderId))
  if (existing) return counted('create', 'exists')
  const row = {
    orderId: facts.orderId,
    userId,
    orderNo,
    amount,
    status: 'READY' as const,
    expiresAt: new Date(meta.now.getTime() + input.windowMs),
    createdAt: meta.now,
    updatedAt: meta.now,
  }
  const [inserted] = await tx.insert(payments).values(row).$returningId()
  if (!inserted) throw new Error('payment insert returned no id')
  const payment = {
    ...row,
    paymentId: inserted.paymentId,
    refundedAmount: 0,
    currency: 'KRW',
    failureReason: null,
    paymentKey: null,
    approvedAt: null,
    pgTransactionKey: null,
    cancelRequested: false,
  }
  await paymentEvents.created(tx, payment, meta)
  return counted('create', 'created')
}
