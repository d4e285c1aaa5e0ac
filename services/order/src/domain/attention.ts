import type { OrderStatus } from './order-status'
import { canMove } from './order-status'

/**
 * Where a buyer's refund the PG made takes the order: `next` (what the refunded items add up to) when that is a legal
 * move. An order in NEEDS_ATTENTION leaves it only when no other refund it asked for is still outstanding: the one
 * that failed may not be this one, and then the order must keep waiting for its operator.
 */
export function statusAfterRecordedRefund(at: {
  status: OrderStatus
  next: 'PARTIALLY_REFUNDED' | 'REFUNDED'
  refundsOutstanding: boolean
}): OrderStatus {
  if (at.status === 'NEEDS_ATTENTION' && at.refundsOutstanding) return at.status
  return canMove(at.status, at.next) ? at.next : at.status
}

/** Where the refund of a cancelled, charged order takes it: back to CANCELLED from NEEDS_ATTENTION, else unchanged. */
export const statusAfterCancelRefund = (status: OrderStatus): OrderStatus =>
  status === 'NEEDS_ATTENTION' ? 'CANCELLED' : status

/** An operator acts (retry, resolve) only on an order waiting for one. */
export const awaitsOperator = (status: OrderStatus) => status === 'NEEDS_ATTENTION'

/** A closed order: late saga events are ignored (and counted), never applied. */
export const isClosedByOperator = (status: OrderStatus) => status === 'RESOLVED'
