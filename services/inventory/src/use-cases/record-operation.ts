import { isDuplicateKey } from '@commerce/platform/db'
import { eq, sql } from 'drizzle-orm'
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

type Balances = Recorded['balances']

/**
 * Adds the movements to their balance rows and reads the rows back, in ONE statement: a multi-row upsert with
 * RETURNING (MariaDB ≥ 10.5 returns each row as it stands after the update). Rows are written in the movements' (SKU)
 * order, so two operations over the same SKUs cannot deadlock. A missing row is created from the movement itself, so
 * `balance = Σ ledger` holds for every SKU with ledger rows (an INITIALIZE creates the row this way).
 */
async function applyToBalances(tx: InventoryTx, { movements, now }: { movements: Movement[]; now: Date }) {
  const rows = movements.map((m) => sql`(${m.skuId}, ${m.availableDelta}, ${m.reservedDelta}, ${now}, ${now})`)
  const [returned] = (await tx.execute(sql`
    insert into ${stockBalances} (sku_id, available, reserved, created_at, updated_at)
    values ${sql.join(rows, sql`, `)}
    on duplicate key update available = available + values(available), reserved = reserved + values(reserved),
      updated_at = values(updated_at)
    returning sku_id, available, reserved`)) as unknown as [{ sku_id: number; available: number; reserved: number }[]]
  const balances: Balances = new Map()
  for (const r of returned)
    balances.set(Number(r.sku_id), { available: Number(r.available), reserved: Number(r.reserved) })
  return balances
}

/**
 * Records one stock operation in the caller's transaction: its key (once — a second call with the same key writes
 * nothing and answers `fresh: false`), a ledger row per moved SKU and the balances those rows add up to. Three
 * statements whatever the number of SKUs (key, ledger rows, balances); see applyToBalances for the lock order. Plain
 * `sql` templates rather than the query builder: this runs for every stock movement, and building a statement with
 * the builder costs ≈ 0.2 ms more CPU on Bun (bench/reserve.ts prints the per-statement costs).
 */
export async function recordOperation(tx: InventoryTx, op: Operation): Promise<Recorded> {
  const none: Recorded = { fresh: false, crossings: [], balances: new Map() }
  try {
    await tx.execute(sql`
      insert into ${stockOperations} (op_key, kind, order_id, created_at)
      values (${op.opKey}, ${op.kind}, ${op.orderId ?? null}, ${op.now})`)
  } catch (error) {
    if (isDuplicateKey(error)) return none
    throw error
  }
  const movements = [...op.movements].sort((a, b) => a.skuId - b.skuId)
  if (movements.length === 0) return { ...none, fresh: true }
  const { opKey, kind, now } = op
  const [orderId, reason, actorId] = [op.orderId ?? null, op.reason ?? null, op.actorId ?? null]
  const rows = movements.map(
    (m) =>
      sql`(${opKey}, ${m.skuId}, ${kind}, ${orderId}, ${m.availableDelta}, ${m.reservedDelta}, ${reason}, ${actorId}, ${now})`,
  )
  await tx.execute(sql`
    insert into ${stockLedger}
      (op_key, sku_id, kind, order_id, available_delta, reserved_delta, reason, actor_id, created_at)
    values ${sql.join(rows, sql`, `)}`)
  const balances = await applyToBalances(tx, { movements, now: op.now })
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
