/**
 * The order's states (SPEC §6). Terminal: CONFIRMED is where a checkout ends well, but refunds can follow it;
 * FAILED, CANCELLED and REFUNDED end the saga; NEEDS_ATTENTION waits for an operator, who retries the compensation
 * (the order then moves where it implies) or resolves it: RESOLVED, closed by a person, never moves again.
 */
export const orderStatuses = [
  'CREATED',
  'PAYMENT_PENDING',
  'PAID',
  'CONFIRMED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'FAILED',
  'CANCELLED',
  'NEEDS_ATTENTION',
  'RESOLVED',
] as const
export type OrderStatus = (typeof orderStatuses)[number]

/** Every legal move, `from → to` (SPEC §6); anything else is refused. */
const moves: Record<OrderStatus, readonly OrderStatus[]> = {
  // CREATED → PAID: payment.completed before stock.reserved (a payment exists only after a reservation).
  CREATED: ['PAYMENT_PENDING', 'PAID', 'FAILED', 'CANCELLED', 'NEEDS_ATTENTION'],
  PAYMENT_PENDING: ['PAID', 'CANCELLED', 'NEEDS_ATTENTION'],
  // PAID → CANCELLED: the stock confirm failed; the payment is refunded.
  PAID: ['CONFIRMED', 'CANCELLED', 'NEEDS_ATTENTION'],
  CONFIRMED: ['PARTIALLY_REFUNDED', 'REFUNDED', 'NEEDS_ATTENTION'],
  PARTIALLY_REFUNDED: ['PARTIALLY_REFUNDED', 'REFUNDED', 'NEEDS_ATTENTION'],
  REFUNDED: ['NEEDS_ATTENTION'],
  FAILED: ['NEEDS_ATTENTION'],
  CANCELLED: ['NEEDS_ATTENTION'],
  // A retried compensation succeeded: where that compensation leads (a cancelled order's refund → CANCELLED, a buyer's
  // refund → PARTIALLY_REFUNDED / REFUNDED); or an operator closed it (RESOLVED).
  NEEDS_ATTENTION: ['CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'RESOLVED'],
  // Closed by an operator with a reason: the books were settled outside the saga, so no late event may move it.
  RESOLVED: [],
}

/** Whether an order in `from` may move to `to`. */
export const canMove = (from: OrderStatus, to: OrderStatus): boolean => moves[from].includes(to)

/** The saga events order reacts to, by what they mean for the order. */
export type SagaSignal =
  | 'stock.reserved'
  | 'stock.reservation.failed'
  | 'stock.reservation.expired'
  | 'payment.completed'
  | 'payment.failed'
  | 'stock.confirmed'
  | 'stock.confirm.failed'

/**
 * What a saga event does to an order in `status` (SPEC §6): `move` to a state; `ignore` a duplicate or a truly
 * stale event (for a state already left; counted, never a crash); `hold` an early event whose prerequisite has not
 * arrived (kept and applied once it has, never dropped).
 */
export type Reaction = { kind: 'move'; to: OrderStatus } | { kind: 'ignore' } | { kind: 'hold' }

const move = (to: OrderStatus): Reaction => ({ kind: 'move', to })
const ignore: Reaction = { kind: 'ignore' }
const hold: Reaction = { kind: 'hold' }

const reactions: Record<SagaSignal, Partial<Record<OrderStatus, Reaction>>> = {
  'stock.reserved': { CREATED: move('PAYMENT_PENDING') },
  'stock.reservation.failed': { CREATED: move('FAILED') },
  // The TTL safety net: only an unpaid order cancels; a paid one is decided by the confirm.
  'stock.reservation.expired': { CREATED: move('CANCELLED'), PAYMENT_PENDING: move('CANCELLED') },
  'payment.completed': { CREATED: move('PAID'), PAYMENT_PENDING: move('PAID') },
  // CREATED: a payment exists only after a reservation, so stock.reserved is merely late; cancelling is safe (the
  // order.cancelled it publishes makes inventory release what it reserved, or never reserve).
  'payment.failed': { CREATED: move('CANCELLED'), PAYMENT_PENDING: move('CANCELLED') },
  // stock.confirmed follows order.confirmed, which is published at PAID: earlier states mean an event is late here.
  'stock.confirmed': { CREATED: hold, PAYMENT_PENDING: hold, PAID: move('CONFIRMED') },
  'stock.confirm.failed': { CREATED: hold, PAYMENT_PENDING: hold, PAID: move('CANCELLED') },
}

/** The reaction of an order in `status` to `signal`; a state not listed has left the step: the event is stale. */
export function reactTo(status: OrderStatus, signal: SagaSignal): Reaction {
  return reactions[signal][status] ?? ignore
}

/** Who may cancel: the owner, while no money has moved (SPEC §4: CREATED and PAYMENT_PENDING, else ORDER-409-002). */
export const isCancellableByOwner = (status: OrderStatus) => status === 'CREATED' || status === 'PAYMENT_PENDING'

/** Refunds are asked for a confirmed order, or one already partly refunded (SPEC §4). */
export const isRefundable = (status: OrderStatus) => status === 'CONFIRMED' || status === 'PARTIALLY_REFUNDED'
