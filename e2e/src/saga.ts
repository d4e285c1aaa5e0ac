import { createActiveProduct, type Sku } from './catalog'
import { type Actor, waitFor } from './client'
import { type Line, type OrderStatus, type PlacedOrder, placedOrder, readOrder } from './orders'
import {
  type PaymentStatus,
  type PaymentView,
  type PgOutcome,
  type PgRecord,
  paymentReaches,
  paymentStatus,
  pgRecord,
} from './payments'
import { adjustStock } from './stock'

/** SKUs on sale for one test: a fresh ACTIVE product, each SKU with its own stock. */
export interface Shelf {
  productId: number
  skus: (Sku & { stock: number })[]
}

/** A fresh ACTIVE product with one SKU per entry of `stock`, each stocked with that many units (0 = none). */
export async function stockedShelf(admin: Actor, stock: number[], price = 10_000): Promise<Shelf> {
  const product = await createActiveProduct(admin, { price, skuCount: stock.length })
  const skus = await Promise.all(
    product.skus.map(async (sku, i) => {
      const units = stock[i] ?? 0
      if (units > 0) await adjustStock(admin, { skuId: sku.skuId, delta: units })
      return { ...sku, stock: units }
    }),
  )
  return { productId: product.productId, skus }
}

/** The shelf's n-th SKU id (throws if the shelf has fewer). */
export function skuAt(shelf: Shelf, n: number): number {
  const sku = shelf.skus[n]
  if (!sku) throw new Error(`the shelf has no SKU #${n}`)
  return sku.skuId
}

/** An order placed and its payment READY (the saga reserved the stock and payment created it): ready to confirm. */
export async function orderAwaitingPayment(
  buyer: Actor,
  lines: Line[],
): Promise<{ order: PlacedOrder; payment: PaymentView }> {
  const order = await placedOrder(buyer, lines)
  const payment = await paymentReaches(buyer, order.orderId, ['READY'])
  return { order, payment }
}

/** One order as every service sees it: the order's status, the payment's (404: none), and the PG's own record. */
export interface SagaView {
  status: OrderStatus
  payment: PaymentStatus | 404
  pg: 'none' | PgRecord['status']
  /** What the PG still holds of the charge (0 when nothing was charged or all was given back). */
  pgBalance: number
}

export async function sagaView(buyer: Actor, order: PlacedOrder): Promise<SagaView> {
  const [now, payment, pg] = await Promise.all([
    readOrder(buyer, order.orderId),
    paymentStatus(buyer, order.orderId),
    pgRecord(order.orderNo),
  ])
  return { status: now.status, payment, pg: pg?.status ?? 'none', pgBalance: pg?.balanceAmount ?? 0 }
}

/**
 * Whether the services agree on how the checkout ended (SPEC §6: never charged-and-cancelled): CONFIRMED with the
 * payment APPROVED and the whole amount held by the PG, or CANCELLED/FAILED with nothing held by the PG and the
 * payment not APPROVED (nothing, FAILED, voided or refunded).
 */
export function endsConsistently(view: SagaView, amount: number): boolean {
  if (view.status === 'CONFIRMED') return view.payment === 'APPROVED' && view.pg === 'DONE' && view.pgBalance === amount
  if (view.status === 'CANCELLED' || view.status === 'FAILED') {
    return view.pgBalance === 0 && view.payment !== 'APPROVED' && view.payment !== 'READY'
  }
  return false
}

/** Waits until the checkout has ended and every service agrees on it; fails with the last view when they never do. */
export async function consistentEnd(buyer: Actor, order: PlacedOrder, timeoutMs?: number): Promise<SagaView> {
  let last: SagaView | undefined
  try {
    return await waitFor(
      async () => {
        last = await sagaView(buyer, order)
        return endsConsistently(last, order.totalAmount) && last
      },
      `order ${order.orderId} ends consistently`,
      timeoutMs,
    )
  } catch (error) {
    throw new Error(`order ${order.orderId} never ended consistently; last seen ${JSON.stringify(last)}`, {
      cause: error,
    })
  }
}

/** What the buyer of saga `n` does once it can: every ending the saga has, in a fixed mix (e2e load, chaos tier). */
export type Plan = { pay: PgOutcome } | { cancel: 'before-paying' | 'racing-the-confirm' } | 'abandon'

export function planOf(n: number): Plan {
  // One in 25 is left to the payment window (the test overlay's 20 s) to expire; n = 11 so that a dozen sagas have one.
  if (n % 25 === 11) return 'abandon'
  switch (n % 10) {
    case 5:
      return { pay: 'decline' }
    case 6:
      return { pay: 'error' }
    case 7:
      return { cancel: 'before-paying' }
    case 8:
      return { cancel: 'racing-the-confirm' }
    default:
      return { pay: 'approve' }
  }
}

/**
 * Saga `n`'s lines on a four-SKU shelf: one or two units of one of the first three SKUs; every third saga also wants one
 * of the fourth, which a test stocks short so that some orders FAIL.
 */
export function linesOf(shelf: Shelf, n: number): Line[] {
  const skuIds = shelf.skus.map((s) => s.skuId)
  const lines = [{ skuId: skuIds[n % 3] as number, quantity: 1 + (n % 2) }]
  if (n % 3 === 0) lines.push({ skuId: skuIds[3] as number, quantity: 1 })
  return lines
}
