import { type Static, Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, Money, oneOf, Timestamp } from '../common'

export const PriceChangeReason = oneOf([
  'DISCOUNT_APPLIED',
  'DISCOUNT_EXPIRED',
  'PROMOTION_APPLIED',
  'PROMOTION_EXPIRED',
  'BASE_PRICE_CHANGED',
])
export type PriceChangeReason = Static<typeof PriceChangeReason>

/** A SKU's selling price changed; carts and read models show the new price. */
export const ProductPriceChangedV1 = defineEvent({
  type: 'product.price.changed',
  version: 1,
  source: '/commerce/catalog',
  aggregateType: 'catalog', // topic commerce.catalog.events
  // Key: the product id, so one product's changes stay in order; the subject is the SKU.
  key: (data) => String(data.productId),
  subject: (data) => `sku/${data.skuId}`,
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
