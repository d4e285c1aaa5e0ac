import { describe, expect, test } from 'bun:test'
import {
  changeReason,
  type DiscountRule,
  discountRateOf,
  isActiveAt,
  type PromotionRule,
  productSellingPrice,
  skuSellingPrice,
  winningRule,
} from './pricing'

const now = new Date('2026-03-03T12:00:00.000Z')
const minutes = (n: number) => new Date(now.getTime() + n * 60_000)
const promotion = (over: Partial<PromotionRule>): PromotionRule => ({
  id: 1,
  discountPrice: 8_000,
  priority: 0,
  startAt: minutes(-10),
  endAt: minutes(10),
  ...over,
})
const discount = (over: Partial<DiscountRule>): DiscountRule => ({
  id: 1,
  discountType: 'RATE',
  discountValue: 10,
  startAt: null,
  endAt: null,
  ...over,
})
const sellingAt = (rules: { promotions?: PromotionRule[]; discounts?: DiscountRule[] }, price = 10_000) => {
  const rule = winningRule({ promotions: [], discounts: [], ...rules }, { price, now })
  return productSellingPrice(rule, price)
}

describe('winningRule', () => {
  test('when a promotion and a better discount are active, then the promotion sets the price', () => {
    expect(sellingAt({ promotions: [promotion({})], discounts: [discount({ discountValue: 50 })] })).toBe(8_000)
  })

  test('when several promotions are active, then the lowest priority number wins', () => {
    const promotions = [
      promotion({ id: 1, priority: 5, discountPrice: 7_000 }),
      promotion({ id: 2, priority: 1, discountPrice: 9_000 }),
    ]
    expect(sellingAt({ promotions })).toBe(9_000)
  })

  test('when two promotions share a priority, then the older one wins', () => {
    const promotions = [promotion({ id: 9, discountPrice: 7_000 }), promotion({ id: 3, discountPrice: 9_000 })]
    expect(sellingAt({ promotions })).toBe(9_000)
  })

  test('when several discounts are active, then the one taking the most off wins', () => {
    const discounts = [
      discount({ id: 1, discountType: 'RATE', discountValue: 15 }),
      discount({ id: 2, discountType: 'AMOUNT', discountValue: 2_000 }),
      discount({ id: 3, discountType: 'RATE', discountValue: 5 }),
    ]
    expect(sellingAt({ discounts })).toBe(8_000)
  })

  test('when an AMOUNT discount exceeds the price, then it is capped at the price', () => {
    expect(sellingAt({ discounts: [discount({ discountType: 'AMOUNT', discountValue: 50_000 })] })).toBe(0)
  })

  test('when a RATE discount leaves a fraction, then the discount is floored', () => {
    expect(sellingAt({ discounts: [discount({ discountValue: 33 })] }, 999)).toBe(999 - 329)
  })

  test('when rules are outside their windows, then the base price holds', () => {
    const promotions = [promotion({ startAt: minutes(1), endAt: minutes(5) })]
    const discounts = [discount({ endAt: now })]
    expect(sellingAt({ promotions, discounts })).toBe(10_000)
  })

  test('when a promotion is above a lowered base price, then the selling price is the base price', () => {
    expect(sellingAt({ promotions: [promotion({ discountPrice: 12_000 })] })).toBe(10_000)
  })
})

describe('isActiveAt', () => {
  test('when now is the start, then active; when now is the end, then not', () => {
    expect([
      isActiveAt({ startAt: now, endAt: minutes(1) }, now),
      isActiveAt({ startAt: null, endAt: now }, now),
    ]).toEqual([true, false])
  })
})

describe('skuSellingPrice', () => {
  const prices = { productPrice: 10_000, skuPrice: 13_000 }

  test('when a promotion applies, then every SKU loses the same amount as the product', () => {
    const rule = { kind: 'PROMOTION', promotion: promotion({ discountPrice: 8_000 }) } as const
    expect(skuSellingPrice(rule, prices)).toBe(11_000)
  })

  test('when a RATE discount applies, then each SKU loses its own percentage', () => {
    expect(skuSellingPrice({ kind: 'DISCOUNT', discount: discount({ discountValue: 10 }) }, prices)).toBe(11_700)
  })

  test('when an AMOUNT discount exceeds a SKU price, then the SKU is free, never negative', () => {
    const rule = { kind: 'DISCOUNT', discount: discount({ discountType: 'AMOUNT', discountValue: 20_000 }) } as const
    expect(skuSellingPrice(rule, prices)).toBe(0)
  })

  test('when no rule applies, then the SKU sells at its price', () => {
    expect(skuSellingPrice({ kind: 'BASE' }, prices)).toBe(13_000)
  })
})

describe('discountRateOf', () => {
  test('when the price drops by a fraction of a percent, then the rate is floored; a free product has rate 0', () => {
    expect([discountRateOf(10_000, 8_001), discountRateOf(3, 0), discountRateOf(0, 0)]).toEqual([19, 100, 0])
  })
})

describe('changeReason', () => {
  test('when the winner changes kind, then the reason names what started or ended', () => {
    expect([
      changeReason('BASE', 'PROMOTION'),
      changeReason('DISCOUNT', 'PROMOTION'),
      changeReason('PROMOTION', 'DISCOUNT'),
      changeReason('PROMOTION', 'BASE'),
      changeReason('BASE', 'DISCOUNT'),
      changeReason('DISCOUNT', 'DISCOUNT'),
      changeReason('DISCOUNT', 'BASE'),
      changeReason('BASE', 'BASE'),
    ]).toEqual([
      'PROMOTION_APPLIED',
      'PROMOTION_APPLIED',
      'PROMOTION_EXPIRED',
      'PROMOTION_EXPIRED',
      'DISCOUNT_APPLIED',
      'DISCOUNT_APPLIED',
      'DISCOUNT_EXPIRED',
      'BASE_PRICE_CHANGED',
    ])
  })
})
