import { type Static, Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, Money, Timestamp } from '../common'
import { aboutProductSku } from '../routing'
import { catalogEvent } from './define'

export const PriceChangeReason = Type.Union([
  Type.Literal('DISCOUNT_APPLIED'),
  Type.Literal('DISCOUNT_EXPIRED'),
  Type.Literal('PROMOTION_APPLIED'),
  Type.Literal('PROMOTION_EXPIRED'),
  Type.Literal('BASE_PRICE_CHANGED'),
])
export type PriceChangeReason = Static<typeof PriceChangeReason>

/** A SKU's selling price changed; carts and read models show the new price. */
export const ProductPriceChangedV1 = catalogEvent({
  type: 'product.price.changed',
  version: 1,
  ...aboutProductSku,
  data: Type.Object({
    skuId: Id,
    productId: Id,
    previousPrice: Money,
    newPrice: Money,
    reason: PriceChangeReason,
    changedAt: Timestamp,
  }),
})
export type ProductPriceChangedV1 = EventOf<typeof ProductPriceChangedV1>
