import { type Page, page, pageOffset } from '@commerce/platform/http'
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm'
import type { InventoryDb } from '../db'
import { stockBalances, stockLedger } from '../db/schema'
import { InventoryErrors } from '../domain/errors'

type LedgerRow = typeof stockLedger.$inferSelect

export interface LedgerEntry {
  id: number
  kind: string
  orderId?: number
  availableDelta: number
  reservedDelta: number
  reason?: string
  actorId?: number
  at: string
}

/** Most rows one `logs` answer carries; the paged ledger reads any number. */
export const maxLogRows = 1_000

/** A ledger row as the API shows it: absent parts omitted, not null. */
export function ledgerEntry(row: LedgerRow): LedgerEntry {
  const entry: LedgerEntry = {
    id: row.id,
    kind: row.kind,
    availableDelta: row.availableDelta,
    reservedDelta: row.reservedDelta,
    at: row.createdAt.toISOString(),
  }
  if (row.orderId !== null) entry.orderId = row.orderId
  if (row.reason !== null) entry.reason = row.reason
  if (row.actorId !== null) entry.actorId = row.actorId
  return entry
}

/** One SKU's ledger, newest first, read with the (sku_id, id) index. */
export function ledgerReads(db: InventoryDb) {
  const known = async (skuId: number) => {
    const [row] = await db
      .select({ skuId: stockBalances.skuId })
      .from(stockBalances)
      .where(eq(stockBalances.skuId, skuId))
    if (!row) throw InventoryErrors.inventoryNotFound()
  }
  return {
    /** A page of the SKU's ledger; unknown SKU → 404 INVENTORY-404-002. */
    async page(skuId: number, query: { page: number; size: number }): Promise<Page<LedgerEntry>> {
      const ofSku = eq(stockLedger.skuId, skuId)
      const [, rows, [total]] = await Promise.all([
        known(skuId),
        db
          .select()
          .from(stockLedger)
          .where(ofSku)
          .orderBy(desc(stockLedger.id))
          .limit(query.size)
          .offset(pageOffset(query)),
        db.select({ value: count() }).from(stockLedger).where(ofSku),
      ])
      return page(rows.map(ledgerEntry), { ...query, totalItems: total?.value ?? 0 })
    },
    /** The SKU's rows within `[from, to]` (each optional), newest first, at most `maxLogRows`. */
    async logs(filter: { skuId: number; from?: Date | undefined; to?: Date | undefined }) {
      const where: SQL[] = [eq(stockLedger.skuId, filter.skuId)]
      if (filter.from) where.push(gte(stockLedger.createdAt, filter.from))
      if (filter.to) where.push(lte(stockLedger.createdAt, filter.to))
      const [, rows] = await Promise.all([
        known(filter.skuId),
        db
          .select()
          .from(stockLedger)
          .where(and(...where))
          .orderBy(desc(stockLedger.id))
          .limit(maxLogRows + 1),
      ])
      const logs = rows.slice(0, maxLogRows).map((row) => ({ skuId: row.skuId, ...ledgerEntry(row) }))
      return { logs, truncated: rows.length > maxLogRows }
    },
  }
}
