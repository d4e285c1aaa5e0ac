import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, Timestamp } from '../common'
import { OptionValues } from './product-sku-created.v1'

/** A SKU can no longer be ordered (its option was removed). */
export const ProductSkuDeactivatedV1 = defineEvent({
  type: 'product.sku.deactivated',
  version: 1,
  source: '/commerce/catalog',
  aggregateType: 'catalog', // topic commerce.catalog.events
  // Key: the product id, so one product's changes stay in order; the subject is the SKU.
  key: (data) => String(data.productId),
  subject: (data) => `sku/${data.skuId}`,
  data: Type.Object({
    skuId: Id,
    skuCode: Type.String({ minLength: 1 }),
    productId: Id,
    productCode: Type.String({ minLength: 1 }),
    optionValues: OptionValues,
    deactivatedAt: Timestamp,
  }),
})
export type ProductSkuDeactivatedV1 = EventOf<typeof ProductSkuDeactivatedV1>
