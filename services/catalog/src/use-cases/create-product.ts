import type { EventMeta } from '@commerce/contracts'
import { isDuplicateKey } from '@commerce/platform/db'
import type { CatalogTx } from '../db'
import { products } from '../db/schema'
import { productCode } from '../domain/codes'
import { checkOptionSet } from '../domain/option-rules'
import { combinations } from '../domain/skus'
import { insertOptionGroups, type NewOptionGroup } from './option-rows'
import { publishProductChanged } from './product-events'
import { loadOptionGroups, lockProduct, productView } from './product-rows'
import { recomputePrices } from './recompute-prices'
import { checkBrand, existingCategory } from './references'
import { createSkus } from './sku-rows'

/** What an admin sends to create a product. */
export interface NewProduct {
  name: string
  description?: string | undefined
  price: number
  categoryId?: number | undefined
  brandId?: number | undefined
  thumbnailImageUrl?: string | undefined
  optionGroups?: NewOptionGroup[] | undefined
}

/**
 * Creates a DRAFT product, its option groups and one SKU per combination (one SKU without options), with
 * `product.sku.created` per SKU and `product.changed`; option limits are checked before anything is written.
 */
export async function createProduct(tx: CatalogTx, input: NewProduct, meta: EventMeta) {
  const groups = input.optionGroups ?? []
  checkOptionSet(groups.map((g, i) => ({ ...g, ordering: g.ordering ?? i, options: asDefs(g) })))
  const category = await existingCategory(tx, input.categoryId)
  await checkBrand(tx, input.brandId)
  const productId = await insertProduct(tx, { ...input, code: () => productCode(category, meta.now) }, meta.now)
  await insertOptionGroups(tx, { id: productId, groups }, meta.now)
  const product = await lockProduct(tx, productId)
  await createSkus(tx, { product, wanted: combinations(await loadOptionGroups(tx, productId)) }, meta)
  await recomputePrices(tx, productId, meta)
  await publishProductChanged(tx, productId, meta)
  return productView(tx, productId)
}

const asDefs = (group: NewOptionGroup) =>
  group.options.map((o, i) => ({ id: i, name: o.name, additionalPrice: o.additionalPrice, ordering: o.ordering ?? i }))

// The code's 4 random hex digits can collide with another product's of the same day: draw again (MariaDB rolls
// back the failed statement alone, the transaction goes on).
async function insertProduct(tx: CatalogTx, input: NewProduct & { code: () => string }, now: Date) {
  for (let attempt = 1; ; attempt++) {
    const code = input.code()
    try {
      const [inserted] = await tx.insert(products).values(productRow(input, code, now))
      return inserted.insertId
    } catch (error) {
      // product_code is the table's only unique index besides the id.
      if (!isDuplicateKey(error) || attempt >= 5) throw error
    }
  }
}

const productRow = (input: NewProduct, productCode: string, now: Date) => ({
  productCode,
  name: input.name,
  description: input.description ?? null,
  price: input.price,
  sellingPrice: input.price,
  status: 'DRAFT',
  categoryId: input.categoryId ?? null,
  brandId: input.brandId ?? null,
  thumbnailImageUrl: input.thumbnailImageUrl ?? null,
  createdAt: now,
  updatedAt: now,
})
