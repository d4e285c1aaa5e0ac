import { asc, eq, inArray } from 'drizzle-orm'
import type { OrderTx } from '../db'
import { heldEvents } from '../db/schema'

/** Parks an early event for its order; the same event parked twice is one row. */
export async function holdEvent(
  tx: OrderTx,
  held: { orderId: number; eventId: string; signal: string; input: object; now: Date },
): Promise<void> {
  await tx
    .insert(heldEvents)
    .values({
      orderId: held.orderId,
      eventId: held.eventId,
      signal: held.signal,
      input: { ...held.input },
      createdAt: held.now,
    })
    .onDuplicateKeyUpdate({ set: { orderId: held.orderId } })
}

/** Removes and returns an order's parked events, oldest first (the order row is locked by the caller). */
export async function takeHeldEvents(tx: OrderTx, orderId: number) {
  const rows = await tx.select().from(heldEvents).where(eq(heldEvents.orderId, orderId)).orderBy(asc(heldEvents.id))
  if (rows.length > 0) {
    await tx.delete(heldEvents).where(
      inArray(
        heldEvents.id,
        rows.map((r) => r.id),
      ),
    )
  }
  return rows
}
