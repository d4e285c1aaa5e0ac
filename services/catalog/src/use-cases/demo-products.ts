import type { EventMeta } from '@commerce/contracts'
import { ProductSkuCreatedV1 } from '@commerce/contracts/catalog'
import { appendOutbox } from '@commerce/platform/outbox'
import type { CatalogTx } from '../db'
import { optionGroups, options, products, skus } from '../db/schema'
import { optionKey } from '../domain/skus'

/** A product written directly (demo seed, benchmark, test fixtures), with option groups that expand into SKUs. */
export interface DemoProductSpec {
  productCode: string
  name: string
  price: number
  sellingPrice?: number
  description?: string
  status?: string
  categoryId?: number
  brandId?: number
  salesCount?: number
  averageRating?: number
  available?: boolean
  createdAt?: Date
  optionGroups?: { name: string; options: { name: string; additionalPrice: number }[] }[]
}

type Choice = { group: string; name: string; additionalPrice: number }

/** Units of each demo SKU on sale after bring-up: inventory creates the stock from `product.sku.created`. */
export const DEMO_STOCK = 100

// The Cartesian product of the groups' options, in group order (a product without groups has one empty combination).
const combinations = (groups: NonNullable<DemoProductSpec['optionGroups']>): Choice[][] =>
  groups.reduce<Choice[][]>(
    (partial, group) => partial.flatMap((prefix) => group.options.map((o) => [...prefix, { group: group.name, ...o }])),
    [[]],
  )

/**
 * Inserts a product, its groups, options and SKUs (price = base + surcharges; selling = price minus the product's
 * discount) in the caller's transaction; with `meta`, also each SKU's `product.sku.created` (initialQuantity
 * `DEMO_STOCK`: inventory puts the demo products on sale with it).
 */
export async function insertDemoProduct(tx: CatalogTx, spec: DemoProductSpec, meta?: EventMeta) {
  const now = spec.createdAt ?? new Date()
  const sellingPrice = spec.sellingPrice ?? spec.price
  const discountRate = spec.price > 0 ? Math.floor(((spec.price - sellingPrice) * 100) / spec.price) : 0
  const [inserted] = await tx.insert(products).values({
    ...{ productCode: spec.productCode, name: spec.name, description: spec.description ?? null },
    ...{ price: spec.price, sellingPrice, discountRate, status: spec.status ?? 'ACTIVE' },
    ...{ categoryId: spec.categoryId ?? null, brandId: spec.brandId ?? null, salesCount: spec.salesCount ?? 0 },
    ...{ averageRating: spec.averageRating ?? 0, available: spec.available ?? false, createdAt: now, updatedAt: now },
  })
  const productId = inserted.insertId
  const groups = spec.optionGroups ?? []
  for (const [ordering, group] of groups.entries()) {
    const [g] = await tx
      .insert(optionGroups)
      .values({ productId, name: group.name, ordering, createdAt: now, updatedAt: now })
    await tx.insert(options).values(
      group.options.map((o, i) => ({
        ...o,
        optionGroupId: g.insertId,
        productId,
        ordering: i,
        createdAt: now,
        updatedAt: now,
      })),
    )
  }
  const skuIds = await insertSkus(tx, { spec, productId, now, discount: spec.price - sellingPrice })
  if (meta) await announceSkus(tx, { spec, productId, skuIds }, meta)
  return { productId, skuIds }
}

async function insertSkus(
  tx: CatalogTx,
  at: { spec: DemoProductSpec; productId: number; now: Date; discount: number },
): Promise<number[]> {
  const ids: number[] = []
  for (const [index, choices] of combinations(at.spec.optionGroups ?? []).entries()) {
    const price = at.spec.price + choices.reduce((sum, c) => sum + c.additionalPrice, 0)
    const optionValues = Object.fromEntries(choices.map((c) => [c.group, c.name]))
    const [sku] = await tx.insert(skus).values({
      ...{ skuCode: `${at.spec.productCode}-${index + 1}`, productId: at.productId, price },
      ...{ sellingPrice: Math.max(price - at.discount, 0), optionValues, optionKey: optionKey(optionValues) },
      ...{ status: 'ACTIVE', available: at.spec.available ?? false, createdAt: at.now, updatedAt: at.now },
    })
    ids.push(sku.insertId)
  }
  return ids
}

async function announceSkus(
  tx: CatalogTx,
  at: { spec: DemoProductSpec; productId: number; skuIds: number[] },
  meta: EventMeta,
) {
  const rows = await tx.query.skus.findMany({ where: (s, { inArray }) => inArray(s.id, at.skuIds) })
  for (const sku of rows) {
    const data = {
      ...{ skuId: sku.id, skuCode: sku.skuCode, productId: at.productId, productCode: at.spec.productCode },
      ...{
        price: sku.price,
        optionValues: sku.optionValues,
        initialQuantity: DEMO_STOCK,
        createdAt: sku.createdAt.toISOString(),
      },
    }
    await appendOutbox(tx, ProductSkuCreatedV1.create(data, meta))
  }
}
