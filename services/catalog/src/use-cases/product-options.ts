import type { EventMeta } from '@commerce/contracts'
import { ProductSkuDeactivatedV1 } from '@commerce/contracts/catalog'
import { appendOutbox } from '@commerce/platform/outbox'
import { and, eq } from 'drizzle-orm'
import type { CatalogTx } from '../db'
import { options, skus } from '../db/schema'
import { CatalogErrors } from '../domain/errors'
import { checkOptionSet } from '../domain/option-rules'
import { combinations } from '../domain/skus'
import { insertOptions, type NewOption } from './option-rows'
import { publishProductChanged } from './product-events'
import { loadOptionGroups, lockLiveProduct, type ProductRow, productView } from './product-rows'
import { recomputePrices } from './recompute-prices'
import { createSkus } from './sku-rows'

/**
 * Adds options to one of the product's groups and creates the SKUs of the combinations that had none (checked
 * against the limits as a whole first), each with `product.sku.created`.
 */
export async function addOptions(
  tx: CatalogTx,
  input: { productId: number; optionGroupId: number; options: NewOption[] },
  meta: EventMeta,
) {
  const product = await lockLiveProduct(tx, input.productId)
  const groups = await loadOptionGroups(tx, product.id)
  const group = groups.find((g) => g.id === input.optionGroupId)
  if (!group) throw CatalogErrors.optionNotFound()
  const after = group.options.length
  const added = input.options.map((o, i) => ({ ...o, id: -1 - i, ordering: o.ordering ?? after + i }))
  checkOptionSet(groups.map((g) => (g === group ? { ...g, options: [...g.options, ...added] } : g)))
  await insertOptions(tx, { id: group.id, productId: product.id, after }, { items: input.options, now: meta.now })
  await createSkus(tx, { product, wanted: combinations(await loadOptionGroups(tx, product.id)) }, meta)
  await afterOptionChange(tx, product, meta)
  return productView(tx, product.id)
}

/** Removes an option: every ACTIVE SKU that has it becomes DEACTIVATED with `product.sku.deactivated`. */
export async function removeOption(tx: CatalogTx, input: { productId: number; optionId: number }, meta: EventMeta) {
  const product = await lockLiveProduct(tx, input.productId)
  const groups = await loadOptionGroups(tx, product.id)
  const group = groups.find((g) => g.options.some((o) => o.id === input.optionId))
  const option = group?.options.find((o) => o.id === input.optionId)
  if (!group || !option) throw CatalogErrors.optionNotFound()
  const active = await tx
    .select()
    .from(skus)
    .where(and(eq(skus.productId, product.id), eq(skus.status, 'ACTIVE')))
  for (const sku of active.filter((s) => s.optionValues[group.name] === option.name)) {
    await tx.update(skus).set({ status: 'DEACTIVATED', updatedAt: meta.now }).where(eq(skus.id, sku.id))
    const { id: skuId, skuCode, optionValues } = sku
    const data = { skuId, skuCode, optionValues, productId: product.id, productCode: product.productCode }
    await appendOutbox(tx, ProductSkuDeactivatedV1.create({ ...data, deactivatedAt: meta.now.toISOString() }, meta))
  }
  await tx.delete(options).where(eq(options.id, option.id))
  await afterOptionChange(tx, product, meta)
  return productView(tx, product.id)
}

async function afterOptionChange(tx: CatalogTx, product: ProductRow, meta: EventMeta) {
  await recomputePrices(tx, product.id, meta)
  await publishProductChanged(tx, product.id, meta)
}
