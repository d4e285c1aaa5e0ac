import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, Money, oneOf } from '../common'

const Count = Type.Integer({ minimum: 0 })

/** A product's listing changed (fields, status or counters); read models replace their copy with this one. */
export const ProductChangedV1 = defineEvent({
  type: 'product.changed',
  version: 1,
  source: '/commerce/catalog',
  aggregateType: 'catalog', // topic commerce.catalog.events
  // Key: the product id, so one product's changes stay in order.
  key: (data) => String(data.productId),
  subject: (data) => `product/${data.productId}`,
  data: Type.Object({
    productId: Id,
    name: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
    price: Money,
    // After the winning promotion or discount.
    sellingPrice: Money,
    categoryId: Type.Optional(Id),
    categoryName: Type.Optional(Type.String()),
    brandId: Type.Optional(Id),
    brandName: Type.Optional(Type.String()),
    thumbnailImageUrl: Type.Optional(Type.String()),
    status: oneOf(['DRAFT', 'ACTIVE', 'SUSPENDED', 'DELETED']),
    averageRating: Type.Number({ minimum: 0, maximum: 5 }),
    reviewCount: Count,
    salesCount: Count,
    viewCount: Count,
    likeCount: Count,
  }),
})
export type ProductChangedV1 = EventOf<typeof ProductChangedV1>
