import { afterAll, beforeAll } from 'bun:test'
import type { CloudEvent } from '@commerce/contracts'
import { eventually, freshId, inboxRows } from '@commerce/platform/testing'
import { and, asc, eq } from 'drizzle-orm'
import type { OrderDb } from '../../src/db'
import { orderItems, orderStatusHistory, orders, outbox, parkedEvents } from '../../src/db/schema'
import type { OrderStatus } from '../../src/domain/order-status'
import { address, type Order, startOrder } from './fixture'

/**
 * An order written straight into the database in `status`, with two items of SKUs no other service knows
 * (10 000 × 1 and 5 000 × 2, shipping 3 000: total 23 000). Nothing goes to the outbox: the stack's inventory and
 * payment never hear of it, so only the events a test publishes move it. History: one row null → `status`.
 */
export async function seedOrder(db: OrderDb, status: OrderStatus) {
  const now = new Date()
  const userId = freshId()
  const [inserted] = await db.insert(orders).values({
    orderNo: `ORD-TEST-${crypto.randomUUID().slice(0, 16)}`,
    userId,
    status,
    subtotalAmount: 20_000,
    discountAmount: 0,
    shippingFee: 3_000,
    totalAmount: 23_000,
    shippingAddress: address,
    createdAt: now,
    updatedAt: now,
  })
  const orderId = inserted.insertId
  const line = (skuId: number, quantity: number, unitPrice: number) => ({
    orderId,
    skuId,
    productId: skuId,
    productName: 'seeded',
    optionValues: {},
    quantity,
    listPrice: unitPrice,
    unitPrice,
    lineAmount: unitPrice * quantity,
    status: 'ORDERED',
    createdAt: now,
    updatedAt: now,
  })
  const skus = [freshId(), freshId()] as const
  await db.insert(orderItems).values([line(skus[0], 1, 10_000), line(skus[1], 2, 5_000)])
  await db.insert(orderStatusHistory).values({ orderId, fromStatus: null, toStatus: status, createdAt: now })
  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id))
  return {
    orderId,
    userId,
    lines: items.map((i) => ({ skuId: i.skuId, quantity: i.quantity })),
    itemIds: items.map((i) => i.id),
    items,
  }
}

/** What a test reads back about an order: status, amounts, history and the events it wrote, in order. */
export async function orderState(db: OrderDb, orderId: number) {
  const [row] = await db.select().from(orders).where(eq(orders.id, orderId))
  const history = await db
    .select()
    .from(orderStatusHistory)
    .where(eq(orderStatusHistory.orderId, orderId))
    .orderBy(asc(orderStatusHistory.id))
  const events = await db
    .select()
    .from(outbox)
    .where(eq(outbox.aggregateId, String(orderId)))
    .orderBy(asc(outbox.createdAt))
  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id))
  return {
    status: row?.status,
    refundedAmount: row?.refundedAmount,
    paidAt: row?.paidAt ?? null,
    history: history.map((h) => [h.fromStatus, h.toStatus, h.reason]),
    events: events.map((e) => JSON.parse(e.payload) as CloudEvent<Record<string, unknown>>),
    itemStatuses: items.map((i) => i.status),
  }
}

/** For one consumer test file: order in-process with its consumers (group `order`). */
export function orderWithConsumers() {
  const ctx = {} as { order: Order }
  beforeAll(async () => {
    ctx.order = await startOrder({ consumers: true })
  })
  afterAll(async () => {
    await ctx.order?.stop()
  })
  const db = () => ctx.order.deps.db
  return {
    ctx,
    db,
    kafka: () => ctx.order.deps.kafka,
    /** Waits until group `order` handled `event` (its inbox row is written). */
    handled: (event: CloudEvent<unknown>) =>
      eventually(async () => (await inboxRows(db(), { consumer: 'order', eventId: event.id })) === 1, {
        what: `${event.type} handled`,
      }),
    state: (orderId: number) => orderState(db(), orderId),
  }
}

/** How many parked_events rows group `order` holds for `eventId` (1 while it waits for its prerequisite). */
export async function parkedRows(db: OrderDb, eventId: string): Promise<number> {
  const rows = await db
    .select()
    .from(parkedEvents)
    .where(and(eq(parkedEvents.consumer, 'order'), eq(parkedEvents.eventId, eventId)))
  return rows.length
}
