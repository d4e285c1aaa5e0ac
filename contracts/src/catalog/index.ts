export { ProductChangedV1 } from './product-changed.v1'
export { PriceChangeReason, ProductPriceChangedV1 } from './product-price-changed.v1'
export { OptionValues, ProductSkuCreatedV1 } from './product-sku-created.v1'
export { ProductSkuDeactivatedV1 } from './product-sku-deactivated.v1'
