import { isDuplicateKey } from '@commerce/platform/db'
import { eq, inArray, sql } from 'drizzle-orm'
import type { InventoryTx } from '../db'
import { stockBalances, stockLedger, stockOperations } from '../db/schema'
import { type Crossing, crossingOf, type Movement, type OperationKind } from '../domain/operations'

export interface Operation {
  opKey: string
  kind: OperationKind
  orderId?: number
  movements: Movement[]
  /** ADJUST: why, and which admin. */
  reason?: string
  actorId?: number
  now: Date
}

/** What recording found: `fresh` false = the operation was recorded before (nothing written now). */
export interface Recorded {
  fresh: boolean
  /** SKUs whose available stock crossed zero in MariaDB's commit order (the order catalog will see them in). */
  crossings: Crossing[]
  /** Balances after the operation, by SKU. */
  balances: Map<number, { available: number; reserved: number }>
}

/**
 * Records one stock operation in the caller's transaction: its key (once — a second call with the same key writes
 * nothing and answers `fresh: false`), a ledger row per moved SKU and the balances those rows add up to. Balance rows
 * are updated in SKU order, so two operations over the same SKUs cannot deadlock.
 */
export async function recordOperation(tx: InventoryTx, op: Operation): Promise<Recorded> {
  const none: Recorded = { fresh: false, crossings: [], balances: new Map() }
  try {
    await tx.insert(stockOperations).values({ opKey: op.opKey, kind: op.kind, orderId: op.orderId, createdAt: op.now })
  } catch (error) {
    if (isDuplicateKey(error)) return none
    throw error
  }
  const movements = [...op.movements].sort((a, b) => a.skuId - b.skuId)
  if (movements.length === 0) return { ...none, fresh: true }
  await tx.insert(stockLedger).values(
    movements.map((m) => ({
      opKey: op.opKey,
      skuId: m.skuId,
      kind: op.kind,
      orderId: op.orderId,
      availableDelta: m.availableDelta,
      reservedDelta: m.reservedDelta,
      reason: op.reason,
      actorId: op.actorId,
      createdAt: op.now,
    })),
  )
  for (const m of movements) {
    if (op.kind === 'INITIALIZE') {
      await tx
        .insert(stockBalances)
        .values({ skuId: m.skuId, available: 0, reserved: 0, createdAt: op.now, updatedAt: op.now })
        .onDuplicateKeyUpdate({ set: { skuId: sql`sku_id` } })
    }
    await tx
      .update(stockBalances)
      .set({
        available: sql`${stockBalances.available} + ${m.availableDelta}`,
        reserved: sql`${stockBalances.reserved} + ${m.reservedDelta}`,
        updatedAt: op.now,
      })
      .where(eq(stockBalances.skuId, m.skuId))
  }
  const rows = await tx
    .select({ skuId: stockBalances.skuId, available: stockBalances.available, reserved: stockBalances.reserved })
    .from(stockBalances)
    .where(
      inArray(
        stockBalances.skuId,
        movements.map((m) => m.skuId),
      ),
    )
  const balances = new Map(rows.map((r) => [r.skuId, { available: r.available, reserved: r.reserved }]))
  const crossings: Crossing[] = []
  for (const m of movements) {
    const after = balances.get(m.skuId)?.available ?? 0
    const crossing = crossingOf(m.skuId, after - m.availableDelta, after)
    if (crossing) crossings.push(crossing)
  }
  return { fresh: true, crossings, balances }
}

/** Whether an operation with this key was recorded already (a cheap look before calling Redis). */
export async function isRecorded(tx: InventoryTx, opKey: string): Promise<boolean> {
  const rows = await tx
    .select({ opKey: stockOperations.opKey })
    .from(stockOperations)
    .where(eq(stockOperations.opKey, opKey))
  return rows.length > 0
}
