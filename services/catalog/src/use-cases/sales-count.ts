import { sql } from 'drizzle-orm'
import type { CatalogTx } from '../db'
import { products, skus } from '../db/schema'

/** Quantities summed per SKU, so one statement per SKU whatever the event repeats. */
const perSku = (items: { skuId: number; quantity: number }[]) => {
  const totals = new Map<number, number>()
  for (const item of items) totals.set(item.skuId, (totals.get(item.skuId) ?? 0) + item.quantity)
  return totals
}

/**
 * Adds `sign × quantity` of each item to its SKU's product `salesCount`, never below 0 (a refund of a sale counted
 * before this service existed must not go negative). SKUs unknown here are skipped.
 */
export async function addSales(
  tx: CatalogTx,
  input: { items: { skuId: number; quantity: number }[]; sign: 1 | -1; now: Date },
) {
  for (const [skuId, quantity] of perSku(input.items)) {
    await tx.execute(
      sql`update ${products} p join ${skus} s on s.product_id = p.id
          set p.sales_count = greatest(p.sales_count + ${input.sign * quantity}, 0), p.updated_at = ${input.now}
          where s.id = ${skuId}`,
    )
  }
}
