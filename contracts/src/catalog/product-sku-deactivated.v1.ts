import { Type } from '@sinclair/typebox'
import type { EventOf } from '../cloud-event'
import { Id, Timestamp } from '../common'
import { aboutProductSku } from '../routing'
import { catalogEvent } from './define'
import { OptionValues } from './product-sku-created.v1'

/** A SKU can no longer be ordered (its option was removed). */
export const ProductSkuDeactivatedV1 = catalogEvent({
  type: 'product.sku.deactivated',
  version: 1,
  ...aboutProductSku,
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
