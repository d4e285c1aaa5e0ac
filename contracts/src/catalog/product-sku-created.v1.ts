import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, Money, Timestamp } from '../common'

// Option group name → option name, e.g. { "색상": "블랙", "사이즈": "M" }; an object, not a JSON string.
export const OptionValues = Type.Record(Type.String(), Type.String())

/** A SKU was created; inventory creates its stock with quantity 0. */
export const ProductSkuCreatedV1 = defineEvent({
  type: 'product.sku.created',
  version: 1,
  source: '/commerce/catalog',
  aggregateType: 'catalog', // topic commerce.catalog.events
  // Key: the product id, so one product's changes stay in order; the subject is the SKU.
  key: (data) => String(data.productId),
  subject: (data) => `sku/${data.skuId}`,
  data: Type.Object({
    // The SKU primary key, the same id orders and inventory use (original bug §12.4 used a business code here).
    skuId: Id,
    skuCode: Type.String({ minLength: 1 }),
    productId: Id,
    productCode: Type.String({ minLength: 1 }),
    price: Money,
    optionValues: OptionValues,
    initialQuantity: Type.Integer({ minimum: 0 }),
    createdAt: Timestamp,
  }),
})
export type ProductSkuCreatedV1 = EventOf<typeof ProductSkuCreatedV1>
