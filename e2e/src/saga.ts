import { createActiveProduct, type Sku } from './catalog'
import { type Actor, call, waitFor } from './client'
import { e2eConfig } from './config'
import { type Line, type OrderStatus, type PlacedOrder, placedOrder, readOrder } from './orders'
import {
  type PaymentStatus,
  type PaymentView,
  type PgRecord,
  paymentReaches,
  paymentStatus,
  pgRecord,
} from './payments'
import { adjustStock } from './stock'

const { urls } = e2eConfig

/**
 * Whether the stack runs order and payment with their APIs (issue 11), not the skeletons that answer every path with
 * 404: without a token a real route answers 401. `npm test` starts the services from the code under test, so this is
 * a fact of the code, not of the machine: the saga scenarios are skipped (and say so) until both are built.
 */
export async function sagaAvailability(): Promise<{ ready: boolean; why: string }> {
  const [order, payment] = await Promise.all([
    call(`${urls.order}/api/orders`, { method: 'POST', body: {} }),
    call(`${urls.payment}/api/payments/orders/1`),
  ])
  const missing = [
    order.status === 401 ? undefined : `order (POST /api/orders without a token → ${order.status})`,
    payment.status === 401 ? undefined : `payment (GET /api/payments/orders/1 without a token → ${payment.status})`,
  ].filter((m) => m !== undefined)
  const why = missing.length === 0 ? 'order and payment are up' : `not built yet: ${missing.join(', ')}`
  if (missing.length > 0) console.warn(`e2e: saga scenarios skipped — ${why}`)
  return { ready: missing.length === 0, why }
}

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
