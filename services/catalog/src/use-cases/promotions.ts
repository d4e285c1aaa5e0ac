import type { EventMeta } from '@commerce/contracts'
import { and, eq, gt, lte } from 'drizzle-orm'
import type { CatalogDb, CatalogTx } from '../db'
import { discountPolicies, promotions } from '../db/schema'
import { CatalogErrors } from '../domain/errors'
import { activePromotions, type DiscountType, productSellingPrice, winningRule } from '../domain/pricing'
import { existingProduct, windowOf } from './pricing-rows'
import { recomputePrices } from './recompute-prices'

type PromotionRow = typeof promotions.$inferSelect
type PromotionType = 'CAMPAIGN' | 'BRAND' | 'REGULAR'

/** A promotion as the API shows it. */
export const promotionView = (row: PromotionRow) => ({
  id: row.id,
  productId: row.productId,
  discountPrice: row.discountPrice,
  startAt: row.startAt.toISOString(),
  endAt: row.endAt.toISOString(),
  type: row.type,
  priority: row.priority,
  description: row.description,
  createdAt: row.createdAt.toISOString(),
})

export interface NewPromotion {
  productId: number
  discountPrice: number
  startAt: string
  endAt: string
  type: PromotionType
  priority: number
  description?: string | null
}

/** Adds a promotion (at most the product's price) and recomputes its prices (PROMOTION_APPLIED when they change). */
export async function createPromotion(tx: CatalogTx, input: NewPromotion, meta: EventMeta) {
  const product = await existingProduct(tx, input.productId, { lock: true })
  if (input.discountPrice > product.price) {
    throw CatalogErrors.invalidField('discountPrice', input.discountPrice, 'discountPrice must not exceed the price')
  }
  const { startAt, endAt } = windowOf(input)
  if (!startAt || !endAt) throw CatalogErrors.invalidField('startAt', input.startAt, 'A promotion needs a window')
  // Field by field: whatever else a body carried never reaches the row (ids, createdAt).
  const { productId, discountPrice, type, priority } = input
  const description = input.description ?? null
  const row = { productId, discountPrice, type, priority, startAt, endAt, description, createdAt: meta.now }
  const [inserted] = await tx.insert(promotions).values(row)
  await recomputePrices(tx, input.productId, { ...meta, reason: 'PROMOTION_APPLIED' })
  return promotionView({ ...row, id: inserted.insertId })
}

const activeAt = (productId: number, now: Date) =>
  and(eq(promotions.productId, productId), lte(promotions.startAt, now), gt(promotions.endAt, now))

/** A product's promotions active at `now`, the winner (lowest priority number) first; 404 for an unknown product. */
export async function listActivePromotions(db: CatalogDb, productId: number, now: Date) {
  await existingProduct(db, productId)
  const rows = await db.select().from(promotions).where(activeAt(productId, now))
  return activePromotions(rows, now).map(promotionView)
}

/**
 * The price a product sells at `now`, computed from the rules rather than read from the stored column, which the
 * pricing job may bring up to date a period late: `discountPrice` is the winning promotion's price, if any.
 */
export async function promotionPrice(db: CatalogDb, productId: number, now: Date) {
  const product = await existingProduct(db, productId)
  const [promotionRows, discountRows] = await Promise.all([
    db.select().from(promotions).where(activeAt(productId, now)),
    db.select().from(discountPolicies).where(eq(discountPolicies.productId, productId)),
  ])
  const discounts = discountRows
    .filter((row) => row.deletedAt === null)
    .map((row) => ({ ...row, discountType: row.discountType as DiscountType }))
  const rule = winningRule({ promotions: promotionRows, discounts }, { price: product.price, now })
  return {
    productId,
    originalPrice: product.price,
    discountPrice: rule.kind === 'PROMOTION' ? rule.promotion.discountPrice : null,
    finalPrice: productSellingPrice(rule, product.price),
    hasActivePromotion: rule.kind === 'PROMOTION',
  }
}
