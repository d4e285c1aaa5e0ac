import { type Actor, call, dataOf, type Reply, waitFor } from './client'
import { e2eConfig } from './config'

const { urls } = e2eConfig

export type OrderStatus =
  | 'CREATED'
  | 'PAYMENT_PENDING'
  | 'PAID'
  | 'CONFIRMED'
  | 'FAILED'
  | 'CANCELLED'
  | 'PARTIALLY_REFUNDED'
  | 'REFUNDED'
  | 'NEEDS_ATTENTION'
  | 'RESOLVED'

/** Where a saga ends (SPEC §6); PARTIALLY_REFUNDED may still move on to REFUNDED when asked. */
export const finalStatuses: readonly OrderStatus[] = [
  'CONFIRMED',
  'FAILED',
  'CANCELLED',
  'REFUNDED',
  'NEEDS_ATTENTION',
  'RESOLVED',
]

export interface Line {
  skuId: number
  quantity: number
}

/** `POST /api/orders` → 201 (SPEC §4). */
export interface PlacedOrder {
  orderId: number
  orderNo: string
  status: OrderStatus
  totalAmount: number
}

/** `GET /api/orders/{id}` (SPEC §4), the fields the tests read. */
export interface OrderView extends PlacedOrder {
  userId: number
  items: { itemId: number; skuId: number; quantity: number; unitPrice: number; lineAmount: number; status: string }[]
  refundedAmount: number
  history: {
    from: OrderStatus | null
    to: OrderStatus
    reason: string | null
    at: string
    actorId?: number
    note?: string
  }[]
}

export const shippingAddress = {
  recipient: 'E2E Buyer',
  phone: '010-1234-5678',
  zipCode: '06236',
  address: '서울특별시 강남구 테헤란로 1',
  addressDetail: '1층',
}

/** Places an order with an inline shipping address; the raw reply (a test may expect a refusal). */
export const placeOrder = (buyer: Actor, lines: Line[], key: string = crypto.randomUUID()): Promise<Reply> =>
  call(`${urls.order}/api/orders`, { method: 'POST', body: { items: lines, shippingAddress }, token: buyer.token, key })

/** Places an order that must be accepted: 201 `{orderId, orderNo, status: CREATED, totalAmount}`. */
export async function placedOrder(buyer: Actor, lines: Line[]): Promise<PlacedOrder> {
  return dataOf<PlacedOrder>(await placeOrder(buyer, lines), 201, 'place an order')
}

export const getOrder = (actor: Actor, orderId: number) =>
  call(`${urls.order}/api/orders/${orderId}`, { token: actor.token })

export const readOrder = async (actor: Actor, orderId: number) =>
  dataOf<OrderView>(await getOrder(actor, orderId), 200, `read order ${orderId}`)

/** The caller's own orders, first page (`GET /api/orders`). */
export const listOrders = async (actor: Actor) =>
  dataOf<{ items: { orderId: number }[]; totalItems: number }>(
    await call(`${urls.order}/api/orders?page=0&size=100`, { token: actor.token }),
    200,
    'list orders',
  )

/**
 * Waits until the order is in one of `wanted`; fails at once, with the whole order, when it settles in another final
 * status instead (a saga that went the wrong way never comes back).
 */
export async function orderReaches(actor: Actor, orderId: number, wanted: OrderStatus[]): Promise<OrderView> {
  const order = await waitFor(
    async () => {
      const now = await readOrder(actor, orderId)
      // A refund in progress (an item REFUND_REQUESTED) is still moving, whatever the status says.
      const settled = finalStatuses.includes(now.status) && !now.items.some((i) => i.status === 'REFUND_REQUESTED')
      return (wanted.includes(now.status) || settled) && now
    },
    `order ${orderId} in ${wanted.join('|')}`,
  )
  if (!wanted.includes(order.status)) {
    throw new Error(`order ${orderId} settled in ${order.status}, not ${wanted.join('|')}: ${JSON.stringify(order)}`)
  }
  return order
}

export const cancelOrder = (actor: Actor, orderId: number) =>
  call(`${urls.order}/api/orders/${orderId}/cancel`, { method: 'POST', token: actor.token })

/** Refunds the items (all that remain when `itemIds` is absent): 202 `{orderId, refundAmount, refundedItemIds, orderStatus}`. */
export const refundOrder = (actor: Actor, orderId: number, itemIds?: number[]) =>
  call(`${urls.order}/api/orders/${orderId}/refund`, {
    method: 'POST',
    body: itemIds ? { itemIds } : {},
    token: actor.token,
    key: crypto.randomUUID(),
  })

/** The `to` of every history row, oldest first: the path the order took. */
// A history row from a state to itself is a note (REFUND_REQUESTED, REFUNDED_AFTER_CANCEL), not a move.
export const pathOf = (order: OrderView) => order.history.filter((h) => h.from !== h.to).map((h) => h.to)
