import type { SagaTransition } from '@commerce/platform/service'
import { asc, eq } from 'drizzle-orm'
import type { InventoryDb } from '../db'
import { reservations, stockLedger } from '../db/schema'

/** The order's stock movements (ledger) and its reservation's status, for the ops saga timeline (correlation id = order id). */
export async function inventorySagaStates(db: InventoryDb, correlationId: string): Promise<SagaTransition[]> {
  const orderId = Number(correlationId)
  if (!/^[1-9]\d{0,15}$/.test(correlationId) || !Number.isSafeInteger(orderId)) return []
  const [movements, [reservation]] = await Promise.all([
    db.select().from(stockLedger).where(eq(stockLedger.orderId, orderId)).orderBy(asc(stockLedger.id)),
    db.select().from(reservations).where(eq(reservations.orderId, orderId)),
  ])
  const steps: SagaTransition[] = movements.map((m) => ({
    at: m.createdAt.toISOString(),
    subject: `stock sku ${m.skuId}`,
    to: m.kind,
    detail: `available ${m.availableDelta >= 0 ? '+' : ''}${m.availableDelta}, reserved ${m.reservedDelta >= 0 ? '+' : ''}${m.reservedDelta}`,
  }))
  if (reservation) {
    steps.push({
      at: reservation.updatedAt.toISOString(),
      subject: 'reservation',
      to: reservation.status,
      detail: reservation.items.map((i) => `sku ${i.skuId} × ${i.quantity}`).join(', '),
    })
  }
  return steps.sort((a, b) => a.at.localeCompare(b.at))
}
