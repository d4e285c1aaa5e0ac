import type { EventMeta } from '@commerce/contracts'
import { and, eq, inArray } from 'drizzle-orm'
import type { CatalogTx } from '../db'
import { skus } from '../db/schema'
import { type Combination, optionKey, skuCode } from '../domain/skus'
import { publishSkuCreated } from './product-events'
import type { ProductRow } from './product-rows'

/**
 * Creates a SKU per combination (price = base + surcharges, ACTIVE, not yet available: stock starts at 0) and a
 * `product.sku.created` each. A combination whose SKU was deactivated when an option was removed comes back ACTIVE
 * under its old id (the unique (product, options) index keeps one SKU per combination; inventory already knows it).
 */
export async function createSkus(
  tx: CatalogTx,
  input: { product: ProductRow; wanted: Combination[] },
  meta: EventMeta,
) {
  const { product, wanted } = input
  if (wanted.length === 0) return
  const keys = wanted.map((c) => optionKey(c.optionValues))
  const existing = await tx
    .select({ id: skus.id, optionKey: skus.optionKey, status: skus.status })
    .from(skus)
    .where(and(eq(skus.productId, product.id), inArray(skus.optionKey, keys)))
  const known = new Map(existing.map((row) => [row.optionKey, row]))
  const fresh = wanted.filter((c) => !known.has(optionKey(c.optionValues)))
  for (const c of wanted) {
    const row = known.get(optionKey(c.optionValues))
    if (row && row.status !== 'ACTIVE')
      await reactivate(tx, { id: row.id, price: product.price + c.surcharge }, meta.now)
  }
  if (fresh.length === 0) return
  const rows = fresh.map((c) => skuRow(product, c, meta.now))
  await tx.insert(skus).values(rows)
  const inserted = await tx
    .select()
    .from(skus)
    .where(
      and(
        eq(skus.productId, product.id),
        inArray(
          skus.optionKey,
          rows.map((r) => r.optionKey),
        ),
      ),
    )
  for (const sku of inserted) await publishSkuCreated(tx, { ...sku, product }, meta)
}

function skuRow(product: ProductRow, combination: Combination, now: Date) {
  const price = product.price + combination.surcharge
  return {
    skuCode: skuCode(product.productCode, combination.optionValues),
    productId: product.id,
    price,
    sellingPrice: price,
    optionValues: JSON.parse(optionKey(combination.optionValues)) as Record<string, string>,
    optionKey: optionKey(combination.optionValues),
    status: 'ACTIVE',
    available: false,
    createdAt: now,
    updatedAt: now,
  }
}

async function reactivate(tx: CatalogTx, sku: { id: number; price: number }, now: Date) {
  await tx.update(skus).set({ status: 'ACTIVE', price: sku.price, updatedAt: now }).where(eq(skus.id, sku.id))
}
