import { testEnv } from '@commerce/platform/testing'
import { createPool, type RowDataPacket } from 'mysql2/promise'

/**
 * Read-only SQL over every service's database (root on the stack's MariaDB): the chaos checks compare what each
 * service recorded (orders, payments, reservations, the stock ledger, outboxes and inboxes) with each other and with
 * what the HTTP APIs and the PG say. One small pool for the test process; queries are retried by their callers'
 * `eventually` while MariaDB restarts.
 */
const pool = createPool({ uri: testEnv().mariadbAdminUrl, connectionLimit: 4, supportBigNumbers: true })

export async function rows<T>(query: string, values: unknown[] = []): Promise<T[]> {
  const [result] = await pool.query<RowDataPacket[]>(query, values)
  return result as T[]
}

/** `in (?)` needs at least one value: an empty list matches nothing. */
export const inList = <T>(values: T[]): T[] | [null] => (values.length > 0 ? values : [null])

export interface OrderRow {
  id: number
  orderNo: string
  status: string
  total: number
}

export const orderRows = (ids: number[]) =>
  rows<OrderRow>(
    'select id, order_no as orderNo, status, total_amount as total from commerce_order.orders where id in (?)',
    [inList(ids)],
  )

export interface ItemRow {
  orderId: number
  skuId: number
  quantity: number
}

export const orderItems = (ids: number[]) =>
  rows<ItemRow>(
    'select order_id as orderId, sku_id as skuId, quantity from commerce_order.order_items where order_id in (?)',
    [inList(ids)],
  )

export interface PaymentRow {
  orderId: number
  status: string
  paymentKey: string | null
  amount: number
}

export const paymentRows = (ids: number[]) =>
  rows<PaymentRow>(
    `select order_id as orderId, status, payment_key as paymentKey, amount
       from commerce_payment.payments where order_id in (?)`,
    [inList(ids)],
  )

export const reservationRows = (ids: number[]) =>
  rows<{ orderId: number; status: string }>(
    'select order_id as orderId, status from commerce_inventory.reservations where order_id in (?)',
    [inList(ids)],
  )

/** Per SKU, from the ledger: what it sums to, what was put in (INITIALIZE, ADJUST) and what was sold net of restocks. */
export interface LedgerSums {
  skuId: number
  available: number
  reserved: number
  putIn: number
  sold: number
}

export const ledgerSums = (skuIds: number[]) =>
  rows<LedgerSums>(
    `select sku_id as skuId,
            cast(sum(available_delta) as signed) as available,
            cast(sum(reserved_delta) as signed) as reserved,
            cast(sum(case when kind in ('INITIALIZE', 'ADJUST') then available_delta else 0 end) as signed) as putIn,
            cast(sum(case when kind = 'CONFIRM' then -reserved_delta
                          when kind = 'RESTOCK' then -available_delta else 0 end) as signed) as sold
       from commerce_inventory.stock_ledger where sku_id in (?) group by sku_id`,
    [inList(skuIds)],
  )

export const balanceRows = (skuIds: number[]) =>
  rows<{ skuId: number; available: number; reserved: number }>(
    'select sku_id as skuId, available, reserved from commerce_inventory.stock_balances where sku_id in (?)',
    [inList(skuIds)],
  )

/** Outbox rows a service wrote since `since` (its CloudEvent id is the row id). */
export const outboxSince = (service: string, since: Date) =>
  rows<{ id: string; type: string; dataschema: string }>(
    `select id, type, json_value(payload, '$.dataschema') as dataschema
       from commerce_${service}.outbox where created_at >= ?`,
    [since],
  )

/** Which of `eventIds` consumer group `consumer` has in its inbox (its service's processed_events). */
export async function inInbox(consumer: string, eventIds: string[]): Promise<Set<string>> {
  const found = await rows<{ eventId: string }>(
    `select event_id as eventId from commerce_${consumer}.processed_events where consumer = ? and event_id in (?)`,
    [consumer, inList(eventIds)],
  )
  return new Set(found.map((r) => r.eventId))
}

export const closeDatabase = () => pool.end()
