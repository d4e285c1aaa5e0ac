import { subscriptions } from '@commerce/contracts'
import { eventually } from '@commerce/platform/testing'
import type { PgRecord } from '../../src/payments'
import { pgRecord } from '../../src/payments'
import { readStocks } from '../../src/stock'
import {
  balanceRows,
  inInbox,
  ledgerSums,
  type OrderRow,
  orderItems,
  orderRows,
  outboxSince,
  type PaymentRow,
  paymentRows,
  reservationRows,
} from './database'
import { sagaServices } from './stack'

/** Where an order ends in the mix the chaos runs drive (no refunds are asked): anything else is a finding. */
const endings = ['CONFIRMED', 'CANCELLED', 'FAILED'] as const
const terminal = [...endings, 'REFUNDED', 'NEEDS_ATTENTION', 'RESOLVED']

/** Waits until every order is terminal; the orders' statuses, or how many were still moving when time ran out. */
export async function allTerminal(orderIds: number[], timeoutMs: number): Promise<OrderRow[]> {
  let last: OrderRow[] = []
  try {
    return await eventually(
      async () => {
        last = await orderRows(orderIds)
        return last.length === orderIds.length && last.every((o) => terminal.includes(o.status)) && last
      },
      { what: `${orderIds.length} sagas terminal`, timeoutMs, intervalMs: 500 },
    )
  } catch (error) {
    const moving = last.filter((o) => !terminal.includes(o.status)).map((o) => `${o.id}:${o.status}`)
    throw new Error(`sagas still moving after ${timeoutMs} ms: ${moving.join(' ')}`, { cause: error })
  }
}

/**
 * 0 oversell, stock conserved, Redis = MariaDB: per SKU, the HTTP view (Redis), the balance row and the ledger's sums
 * agree; nothing is left reserved once every saga ended; what the ledger says was sold is what the CONFIRMED orders
 * bought; available + reserved + sold = what was put in; available never below zero.
 */
export async function stockViolations(skuIds: number[], orderIds: number[]): Promise<string[]> {
  const [views, balances, ledger, orders, items] = await Promise.all([
    readStocks(skuIds),
    balanceRows(skuIds),
    ledgerSums(skuIds),
    orderRows(orderIds),
    orderItems(orderIds),
  ])
  const confirmed = new Set(orders.filter((o) => o.status === 'CONFIRMED').map((o) => o.id))
  const bought = new Map<number, number>()
  for (const item of items.filter((i) => confirmed.has(i.orderId))) {
    bought.set(item.skuId, (bought.get(item.skuId) ?? 0) + item.quantity)
  }
  return skuIds.flatMap((skuId, i) => {
    const redis = views[i]
    const balance = balances.find((b) => b.skuId === skuId)
    const sums = ledger.find((l) => l.skuId === skuId)
    if (!redis || !balance || !sums) return [`SKU ${skuId}: no stock record (redis ${!!redis}, balance ${!!balance})`]
    const found: string[] = []
    const says = (what: string) => found.push(`SKU ${skuId}: ${what}`)
    const pair = (p: { available: number; reserved: number }) => `${p.available}/${p.reserved}`
    if (pair(redis) !== pair(balance) || pair(balance) !== pair(sums)) {
      says(`available/reserved differ: redis ${pair(redis)}, balance ${pair(balance)}, ledger ${pair(sums)}`)
    }
    if (redis.reserved !== 0) says(`${redis.reserved} units still reserved after every saga ended`)
    if (redis.available < 0) says(`available ${redis.available} < 0`)
    if (sums.sold !== (bought.get(skuId) ?? 0))
      says(`ledger sold ${sums.sold}, CONFIRMED orders bought ${bought.get(skuId) ?? 0}`)
    if (sums.available + sums.reserved + sums.sold !== sums.putIn) {
      says(`available ${sums.available} + reserved ${sums.reserved} + sold ${sums.sold} ≠ put in ${sums.putIn}`)
    }
    return found
  })
}

/**
 * 0 double charge, and every order agrees with its payment, the PG's own record and its stock reservation: CONFIRMED
 * = payment APPROVED + the PG holding the whole amount under the payment's key + reservation CONFIRMED; CANCELLED or
 * FAILED = nothing held by the PG (any approval cancelled), payment not APPROVED/READY, reservation neither held nor
 * sold. The PG sandbox refuses a second approval of one order number, so "one approval per order" is its record being
 * the payment's own key.
 */
export async function sagaViolations(orderIds: number[]): Promise<string[]> {
  const [orders, payments, reservations] = await Promise.all([
    orderRows(orderIds),
    paymentRows(orderIds),
    reservationRows(orderIds),
  ])
  const pg = new Map(await Promise.all(orders.map(async (o) => [o.id, await pgRecord(o.orderNo)] as const)))
  return orders.flatMap((order) => {
    const payment = payments.find((p) => p.orderId === order.id)
    const reservation = reservations.find((r) => r.orderId === order.id)?.status ?? 'none'
    const problem = disagreement(order, { payment, pg: pg.get(order.id), reservation })
    return problem
      ? [
          `order ${order.id} ${order.status}: ${problem} (payment ${payment?.status ?? 'none'}, ` +
            `PG ${pg.get(order.id)?.status ?? 'none'} balance ${pg.get(order.id)?.balanceAmount ?? 0}, reservation ${reservation})`,
        ]
      : []
  })
}

function disagreement(
  order: OrderRow,
  seen: { payment: PaymentRow | undefined; pg: PgRecord | undefined; reservation: string },
): string | undefined {
  const { payment, pg, reservation } = seen
  if (pg && pg.paymentKey !== payment?.paymentKey) return 'the PG charged a key the payment does not hold'
  if (pg && pg.totalAmount !== order.total) return `the PG charged ${pg.totalAmount}, not the order's ${order.total}`
  if (order.status === 'CONFIRMED') {
    if (payment?.status !== 'APPROVED') return 'confirmed without an approved payment'
    if (pg?.status !== 'DONE' || pg.balanceAmount !== order.total)
      return 'confirmed but the PG does not hold the charge'
    if (reservation !== 'CONFIRMED') return 'confirmed but its stock is not sold'
    return undefined
  }
  if (!(endings as readonly string[]).includes(order.status))
    return 'ended outside the mix (CONFIRMED/CANCELLED/FAILED)'
  if (pg && pg.balanceAmount !== 0) return 'charged but not confirmed (double charge or a charge never given back)'
  if (payment && ['APPROVED', 'READY'].includes(payment.status)) return 'the payment is still open or approved'
  if (['RESERVED', 'CONFIRMED', 'none'].includes(reservation)) return 'its stock is still held, sold or never decided'
  return undefined
}

/** Consumers of each event type and version (contracts' subscriptions: who consumes what). */
function consumersOf(type: string, dataschema: string): string[] {
  return Object.entries(subscriptions)
    .filter(([, defs]) => defs.some((d) => d.type === type && d.dataschema === dataschema))
    .map(([consumer]) => consumer)
}

/**
 * No event lost: every outbox row written since `since` by any saga service is in the inbox of every service that
 * consumes its type and version. The consumer runner writes an inbox row for every event it has a handler for (in the
 * effect's transaction, also when the handler decides there is nothing to do) and none for types it does not handle, so
 * the consumers to look in are exactly those the subscriptions list for the event's type and version.
 */
export async function lostEvents(since: Date): Promise<string[]> {
  const written = (await Promise.all(sagaServices.map((s) => outboxSince(s, since)))).flat()
  const expected = new Map<string, string[]>()
  for (const event of written) {
    for (const consumer of consumersOf(event.type, event.dataschema)) {
      expected.set(consumer, [...(expected.get(consumer) ?? []), `${event.id} ${event.type}`])
    }
  }
  const missing = await Promise.all(
    [...expected].map(async ([consumer, events]) => {
      const seen = await inInbox(
        consumer,
        events.map((e) => e.split(' ')[0] as string),
      )
      return events.filter((e) => !seen.has(e.split(' ')[0] as string)).map((e) => `${consumer} never took ${e}`)
    }),
  )
  return missing.flat()
}
