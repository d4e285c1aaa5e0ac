import { eq } from 'drizzle-orm'
import type { OrderTx } from '../db'
import { orders } from '../db/schema'
import { canMove, type OrderStatus } from '../domain/order-status'
import { type Actor, recordHistory } from './history'
import { type OrderRow, statusOf } from './order-rows'

/**
 * Moves a locked order to `to` with its history row, stamping paidAt / cancelledAt (the first cancel's time, kept
 * when a refund brings it back from NEEDS_ATTENTION) and, entering NEEDS_ATTENTION, why and since when (SPEC §6:
 * every transition writes a history row). An illegal move is a bug in the caller: it throws.
 */
export async function moveOrder(
  tx: OrderTx,
  move: { order: OrderRow; to: OrderStatus; reason: string | null; paidAt?: Date; by?: Actor },
  now: Date,
): Promise<void> {
  const from = statusOf(move.order)
  if (!canMove(from, move.to)) throw new Error(`order ${move.order.id}: ${from} → ${move.to} is not a legal move`)
  await tx
    .update(orders)
    .set({
      status: move.to,
      updatedAt: now,
      ...(move.to === 'PAID' ? { paidAt: move.paidAt ?? now } : {}),
      ...(move.to === 'CANCELLED' ? { cancelledAt: move.order.cancelledAt ?? now } : {}),
      ...(move.to === 'NEEDS_ATTENTION' ? { attentionReason: move.reason, attentionSince: now } : {}),
    })
    .where(eq(orders.id, move.order.id))
  const by = move.by ? { by: move.by } : {}
  await recordHistory(tx, { orderId: move.order.id, from, to: move.to, reason: move.reason, ...by }, now)
}
