/**
 * Selling prices (original §3.2). The winning rule is chosen once per product, on its base price: the active
 * promotion with the lowest `priority` number (ties: the older one), else the active discount policy that takes the
 * most off the base price (ties: the older one), else none. The SKUs then follow that one rule, each on its own price:
 * a promotion takes the same amount off every SKU as off the product (surcharges keep their value), a RATE policy
 * takes its percentage of each SKU's price, an AMOUNT policy its amount; never below 0.
 */

export type DiscountType = 'RATE' | 'AMOUNT'

/** `[startAt, endAt)`: a bound left out is open. */
export interface Window {
  startAt: Date | null
  endAt: Date | null
}

export interface PromotionRule extends Window {
  id: number
  discountPrice: number
  priority: number
}

export interface DiscountRule extends Window {
  id: number
  discountType: DiscountType
  discountValue: number
}

/** Every promotion and live discount policy of a product (active or not). */
export interface PriceRules {
  promotions: PromotionRule[]
  discounts: DiscountRule[]
}

/** Which rule sets the selling price. */
export type WinningRule =
  | { kind: 'PROMOTION'; promotion: PromotionRule }
  | { kind: 'DISCOUNT'; discount: DiscountRule }
  | { kind: 'BASE' }

/** Why a selling price changed (the values of the `product.price.changed` reason). */
export type PriceChangeReason =
  | 'DISCOUNT_APPLIED'
  | 'DISCOUNT_EXPIRED'
  | 'PROMOTION_APPLIED'
  | 'PROMOTION_EXPIRED'
  | 'BASE_PRICE_CHANGED'

/** Whether `at` lies in the window: the start counts, the end does not. */
export const isActiveAt = (window: Window, at: Date): boolean =>
  (window.startAt === null || window.startAt.getTime() <= at.getTime()) &&
  (window.endAt === null || at.getTime() < window.endAt.getTime())

// Through BigInt: price × value may pass 2^53 for large prices.
const percentOf = (price: number, percent: number) => Number((BigInt(price) * BigInt(percent)) / 100n)

/** How much a discount policy takes off `price`: RATE floor(price × value / 100), AMOUNT capped at the price. */
export function discountAmount(discount: DiscountRule, price: number): number {
  if (discount.discountType === 'RATE') return Math.min(price, percentOf(price, discount.discountValue))
  return Math.min(price, discount.discountValue)
}

const byPriorityThenAge = (a: PromotionRule, b: PromotionRule) => a.priority - b.priority || a.id - b.id

/** The active promotions at `at`, the winner first. */
export const activePromotions = <P extends PromotionRule>(promotions: P[], at: Date): P[] =>
  promotions.filter((promotion) => isActiveAt(promotion, at)).sort(byPriorityThenAge)

/** The rule that sets a product's selling price at `at` (original §3.2 precedence). */
export function winningRule(rules: PriceRules, at: { price: number; now: Date }): WinningRule {
  const [promotion] = activePromotions(rules.promotions, at.now)
  if (promotion) return { kind: 'PROMOTION', promotion }
  let best: DiscountRule | undefined
  // Oldest first and a strict "more": among equal discounts the older one wins.
  for (const discount of [...rules.discounts].sort((a, b) => a.id - b.id)) {
    if (!isActiveAt(discount, at.now)) continue
    if (best === undefined || discountAmount(discount, at.price) > discountAmount(best, at.price)) best = discount
  }
  return best ? { kind: 'DISCOUNT', discount: best } : { kind: 'BASE' }
}

/** The product's selling price under `rule`; a promotion above the base price (the base went down) is capped at it. */
export function productSellingPrice(rule: WinningRule, price: number): number {
  switch (rule.kind) {
    case 'PROMOTION':
      return Math.min(price, rule.promotion.discountPrice)
    case 'DISCOUNT':
      return price - discountAmount(rule.discount, price)
    case 'BASE':
      return price
    default:
      return rule satisfies never
  }
}

/** A SKU's selling price under the product's winning rule (see the module comment), never below 0. */
export function skuSellingPrice(rule: WinningRule, prices: { productPrice: number; skuPrice: number }): number {
  const { productPrice, skuPrice } = prices
  if (rule.kind === 'PROMOTION') {
    const cut = productPrice - productSellingPrice(rule, productPrice)
    return Math.max(0, skuPrice - cut)
  }
  return productSellingPrice(rule, skuPrice)
}

/** floor((price − selling) × 100 / price); 0 for a free product. */
export function discountRateOf(price: number, sellingPrice: number): number {
  if (price <= 0) return 0
  return Number((BigInt(price - sellingPrice) * 100n) / BigInt(price))
}

/** The reason to publish when the winning rule went from `before` to `after`. */
export function changeReason(before: WinningRule['kind'], after: WinningRule['kind']): PriceChangeReason {
  if (after === 'PROMOTION') return 'PROMOTION_APPLIED'
  if (before === 'PROMOTION') return 'PROMOTION_EXPIRED'
  if (after === 'DISCOUNT') return 'DISCOUNT_APPLIED'
  if (before === 'DISCOUNT') return 'DISCOUNT_EXPIRED'
  return 'BASE_PRICE_CHANGED'
}
