import { bigint, datetime, index, int, json, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core'

export { idempotencyKeys, jobLeases, outbox, parkedEvents, processedEvents } from '@commerce/platform/db'

const id = (name: string) => bigint(name, { mode: 'number', unsigned: true })
const money = (name: string) => bigint(name, { mode: 'number' })
const at = (name: string) => datetime(name, { mode: 'date', fsp: 3 })

/** Where an order ships: a snapshot taken at order time (an address edited or deleted later does not change it). */
export interface ShippingAddress {
  recipient: string
  phone: string
  zipCode: string
  address: string
  addressDetail: string
}

/**
 * One order (SPEC §4, §6). Amounts in integer KRW: total = subtotal − discount + shippingFee is what payment charges;
 * refunded_amount grows with each `payment.refunded`. `status` follows domain/order-status.ts; every change of it
 * writes an order_status_history row in the same transaction.
 */
export const orders = mysqlTable(
  'orders',
  {
    id: id('id').autoincrement().primaryKey(),
    orderNo: varchar('order_no', { length: 40 }).notNull().unique(),
    userId: id('user_id').notNull(),
    status: varchar('status', { length: 20 }).notNull(),
    subtotalAmount: money('subtotal_amount').notNull(),
    discountAmount: money('discount_amount').notNull(),
    shippingFee: money('shipping_fee').notNull(),
    totalAmount: money('total_amount').notNull(),
    refundedAmount: money('refunded_amount').notNull().default(0),
    shippingAddress: json('shipping_address').$type<ShippingAddress>().notNull(),
    paidAt: at('paid_at'),
    cancelledAt: at('cancelled_at'),
    /** Why it waits for an operator (the last failure) and since when: set on entering NEEDS_ATTENTION. */
    attentionReason: varchar('attention_reason', { length: 100 }),
    attentionSince: at('attention_since'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  // A member's orders, newest first; orders by state (the NEEDS_ATTENTION list and the per-state gauges).
  (t) => [index('orders_user_idx').on(t.userId, t.id), index('orders_status_idx').on(t.status, t.id)],
)

/**
 * The lines of an order with what catalog said at order time: product name, option values, list price and the
 * selling price charged (`unit_price`). Status ORDERED → REFUND_REQUESTED → REFUNDED.
 */
export const orderItems = mysqlTable(
  'order_items',
  {
    id: id('id').autoincrement().primaryKey(),
    orderId: id('order_id').notNull(),
    skuId: id('sku_id').notNull(),
    productId: id('product_id').notNull(),
    productName: varchar('product_name', { length: 200 }).notNull(),
    optionValues: json('option_values').$type<Record<string, string>>().notNull(),
    quantity: int('quantity', { unsigned: true }).notNull(),
    listPrice: money('list_price').notNull(),
    unitPrice: money('unit_price').notNull(),
    lineAmount: money('line_amount').notNull(),
    status: varchar('status', { length: 20 }).notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('order_items_order_idx').on(t.orderId)],
)

/**
 * Every transition of every order: `from` null for the creation, from = to for a note (a refund asked or recorded).
 * An operator's act (retry, resolve) carries who (`actor_id`, the admin's user id) and their words (`note`).
 */
export const orderStatusHistory = mysqlTable(
  'order_status_history',
  {
    id: id('id').autoincrement().primaryKey(),
    orderId: id('order_id').notNull(),
    fromStatus: varchar('from_status', { length: 20 }),
    toStatus: varchar('to_status', { length: 20 }).notNull(),
    reason: varchar('reason', { length: 100 }),
    actorId: id('actor_id'),
    note: varchar('note', { length: 500 }),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('order_status_history_order_idx').on(t.orderId, t.id)],
)

/** One cart per member (made on the first item). */
export const carts = mysqlTable('carts', {
  id: id('id').autoincrement().primaryKey(),
  userId: id('user_id').notNull().unique(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
})

/** A cart's lines: one per SKU (adding a SKU again adds to its quantity). */
export const cartItems = mysqlTable(
  'cart_items',
  {
    id: id('id').autoincrement().primaryKey(),
    cartId: id('cart_id').notNull(),
    skuId: id('sku_id').notNull(),
    quantity: int('quantity', { unsigned: true }).notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('cart_items_cart_sku_uq').on(t.cartId, t.skuId)],
)
