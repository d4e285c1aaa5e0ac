import { type Static, Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, Money, oneOf, Timestamp } from '../common'
import { aboutProductSku } from '../routing'
import { catalogEvent } from './define'

export const PriceChangeReason = oneOf([
  'DISCOUNT_APPLIED',
  'DISCOUNT_EXPIRED',
  'PROMOTION_APPLIED',
  'PROMOTION_EXPIRED',
  'BASE_PRICE_CHANGED',
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
