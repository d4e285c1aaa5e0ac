import type { EventMeta } from '@commerce/contracts'
import { ProductPriceChangedV1 } from '@commerce/contracts/catalog'
import { appendOutbox } from '@commerce/platform/outbox'
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm'
import type { CatalogTx } from '../db'
import { discountPolicies, products, promotions, skus } from '../db/schema'
import { CatalogErrors } from '../domain/errors'
import {
  type DiscountType,
  discountRateOf,
  type PriceChangeReason,
  type PriceRules,
  productSellingPrice,
  skuSellingPrice,
  type WinningRule,
  winningRule,
} from '../domain/pricing'

/** A product as pricing reads it: prices as stored, its SKUs, and the rules live somewhere in the loaded span. */
export interface PricingInputs {
  product: { id: number; price: number; sellingPrice: number; discountRate: number }
  skus: { id: number; price: number; sellingPrice: number; status: string }[]
  rules: PriceRules
}

/**
 * Reads a product (its row locked, so two recomputes of one product take turns and the second sees the first's
 * prices) with its SKUs and the rules active at some instant of `[from, to]`. Null when the product does not exist.
 */
export async function loadPricingInputs(
  tx: CatalogTx,
  productId: number,
  span: { from: Date; to: Date },
): Promise<PricingInputs | null> {
  const [product] = await tx
    .select({
      id: products.id,
      price: products.price,
      sellingPrice: products.sellingPrice,
      discountRate: products.discountRate,
    })
    .from(products)
    .where(eq(products.id, productId))
    .for('update')
  if (!product) return null
  const [skuRows, promotionRows, discountRows] = await Promise.all([
    tx
      .select({ id: skus.id, price: skus.price, sellingPrice: skus.sellingPrice, status: skus.status })
      .from(skus)
      .where(eq(skus.productId, productId)),
    tx
      .select()
      .from(promotions)
      .where(
        and(eq(promotions.productId, productId), lte(promotions.startAt, span.to), gt(promotions.endAt, span.from)),
      ),
    tx
      .select()
      .from(discountPolicies)
      .where(
        and(
          eq(discountPolicies.productId, productId),
          isNull(discountPolicies.deletedAt),
          or(isNull(discountPolicies.startAt), lte(discountPolicies.startAt, span.to)),
          or(isNull(discountPolicies.endAt), gt(discountPolicies.endAt, span.from)),
        ),
      ),
  ])
  const discounts = discountRows.map((row) => ({ ...row, discountType: row.discountType as DiscountType }))
  return { product, skus: skuRows, rules: { promotions: promotionRows, discounts } }
}

/** The rule that applies to the loaded product at `at`. */
export const ruleAt = (inputs: PricingInputs, at: Date): WinningRule =>
  winningRule(inputs.rules, { price: inputs.product.price, now: at })

/**
 * Writes the prices `rule` gives the product and its SKUs, and appends `product.price.changed` for each ACTIVE SKU
 * whose selling price changed. Prices that already hold are left alone, so a second run publishes nothing.
 */
export async function applyPrices(
  tx: CatalogTx,
  inputs: PricingInputs,
  change: { rule: WinningRule; reason: PriceChangeReason; meta: EventMeta },
): Promise<{ changedSkus: number; productChanged: boolean }> {
  const { product } = inputs
  const { rule, reason, meta } = change
  const sellingPrice = productSellingPrice(rule, product.price)
  const discountRate = discountRateOf(product.price, sellingPrice)
  const productChanged = sellingPrice !== product.sellingPrice || discountRate !== product.discountRate
  if (productChanged) {
    await tx.update(products).set({ sellingPrice, discountRate }).where(eq(products.id, product.id))
  }
  let changedSkus = 0
  for (const sku of inputs.skus) {
    const newPrice = skuSellingPrice(rule, { productPrice: product.price, skuPrice: sku.price })
    if (newPrice === sku.sellingPrice) continue
    await tx.update(skus).set({ sellingPrice: newPrice }).where(eq(skus.id, sku.id))
    if (sku.status !== 'ACTIVE') continue
    changedSkus += 1
    const data = { skuId: sku.id, productId: product.id, previousPrice: sku.sellingPrice, newPrice, reason }
    await appendOutbox(tx, ProductPriceChangedV1.create({ ...data, changedAt: meta.now.toISOString() }, meta))
  }
  return { changedSkus, productChanged }
}

/**
 * Brings a product's selling prices (product, discount rate, every SKU) in line with the promotions and discount
 * policies active at `meta.now`, publishing `product.price.changed` per ACTIVE SKU whose price changed. `meta.reason`
 * is what the caller changed (a base price change when left out). 404 when the product does not exist.
 */
export async function recomputePrices(
  tx: CatalogTx,
  productId: number,
  meta: EventMeta & { reason?: PriceChangeReason },
): Promise<{ changedSkus: number; productChanged: boolean }> {
  const { reason = 'BASE_PRICE_CHANGED', ...eventMeta } = meta
  const inputs = await loadPricingInputs(tx, productId, { from: meta.now, to: meta.now })
  if (!inputs) throw CatalogErrors.productNotFound()
  return applyPrices(tx, inputs, { rule: ruleAt(inputs, meta.now), reason, meta: eventMeta })
}
