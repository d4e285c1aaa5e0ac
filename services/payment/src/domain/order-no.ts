/**
 * The PG's orderId (Toss wants 6–64 characters) for an order: the order number `order.placed` carries, or — from an
 * old producer that did not send one — one derived from the order id.
 */
export const pgOrderNo = (orderId: number, orderNo?: string): string =>
  orderNo ?? `ORDER-${String(orderId).padStart(6, '0')}`
