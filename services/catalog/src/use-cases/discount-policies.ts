import type { EventMeta } from '@commerce/contracts'
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { CatalogDb, CatalogTx } from '../db'
import { discountPolicies } from '../db/schema'
import { CatalogErrors } from '../domain/errors'
import { type DiscountType, isActiveAt } from '../domain/pricing'
import { existingProduct, windowOf } from './pricing-rows'
import { recomputePrices } from './recompute-prices'

type DiscountRow = typeof discountPolicies.$inferSelect

/** A discount policy as the API shows it, `active` at `now`. */
export const discountView = (row: DiscountRow, now: Date) => ({
  id: row.id,
  productId: row.productId,
  name: row.name,
  discountType: row.discountType,
  discountValue: row.discountValue,
  startAt: row.startAt?.toISOString() ?? null,
  endAt: row.endAt?.toISOString() ?? null,
  active: isActiveAt(row, now),
  createdAt: row.createdAt.toISOString(),
})

/** A product's live (not deleted) discount policies, oldest first; 404 for an unknown product. */
export async function listDiscounts(db: CatalogDb, productId: number, now: Date) {
  await existingProduct(db, productId)
  const rows = await db
    .select()
    .from(discountPolicies)
    .where(and(eq(discountPolicies.productId, productId), isNull(discountPolicies.deletedAt)))
    .orderBy(asc(discountPolicies.id))
  return rows.map((row) => discountView(row, now))
}

export interface NewDiscount {
  productId: number
  name: string
  discountType: DiscountType
  discountValue: number
  startAt?: string | null
  endAt?: string | null
}

/** Adds a discount policy and brings the product's prices in line (DISCOUNT_APPLIED when they change). */
export async function createDiscount(tx: CatalogTx, input: NewDiscount, meta: EventMeta) {
  await existingProduct(tx, input.productId, { lock: true })
  if (input.discountType === 'RATE' && input.discountValue > 100) {
    throw CatalogErrors.invalidField('discountValue', input.discountValue, 'A RATE discount is 1 to 100 percent')
  }
  const window = windowOf(input)
  // Field by field: whatever else a body carried never reaches the row (ids, deletedAt).
  const { productId, name, discountType, discountValue } = input
  const row = { productId, name, discountType, discountValue, ...window, createdAt: meta.now }
  const [inserted] = await tx.insert(discountPolicies).values(row)
  await recomputePrices(tx, input.productId, { ...meta, reason: 'DISCOUNT_APPLIED' })
  return discountView({ ...row, id: inserted.insertId, deletedAt: null }, meta.now)
}

/** Soft-deletes a product's discount policy and recomputes its prices (DISCOUNT_EXPIRED); 404 when none is live. */
export async function deleteDiscount(tx: CatalogTx, at: { productId: number; discountId: number }, meta: EventMeta) {
  await existingProduct(tx, at.productId, { lock: true })
  const [result] = await tx
    .update(discountPolicies)
    .set({ deletedAt: meta.now })
    .where(
      and(
        eq(discountPolicies.id, at.discountId),
        eq(discountPolicies.productId, at.productId),
        isNull(discountPolicies.deletedAt),
      ),
    )
  if (result.affectedRows !== 1) throw CatalogErrors.discountNotFound()
  await recomputePrices(tx, at.productId, { ...meta, reason: 'DISCOUNT_EXPIRED' })
}
