import type { EventMeta } from '@commerce/contracts'
import { ProductChangedV1, ProductSkuCreatedV1 } from '@commerce/contracts/catalog'
import { appendOutbox } from '@commerce/platform/outbox'
import { eq } from 'drizzle-orm'
import type { CatalogTx } from '../db'
import { brands, categories, products } from '../db/schema'
import type { ProductRow } from './product-rows'

const present = <T>(value: T | null): T | undefined => value ?? undefined

/** Appends `product.changed` with the product as it is now in `tx` (its category and brand names included). */
export async function publishProductChanged(tx: CatalogTx, productId: number, meta: EventMeta): Promise<void> {
  const [product] = await tx.select().from(products).where(eq(products.id, productId))
  if (!product) return
  const [category] = product.categoryId
    ? await tx.select({ name: categories.name }).from(categories).where(eq(categories.id, product.categoryId))
    : []
  const [brand] = product.brandId
    ? await tx.select({ name: brands.name }).from(brands).where(eq(brands.id, product.brandId))
    : []
  const data = {
    productId: product.id,
    name: product.name,
    description: present(product.description),
    price: product.price,
    sellingPrice: product.sellingPrice,
    categoryId: present(product.categoryId),
    categoryName: category?.name,
    brandId: present(product.brandId),
    brandName: brand?.name,
    thumbnailImageUrl: present(product.thumbnailImageUrl),
    status: product.status as ProductChangedV1['data']['status'],
    averageRating: product.averageRating,
    reviewCount: product.reviewCount,
    salesCount: product.salesCount,
    viewCount: product.viewCount,
    likeCount: product.likeCount,
  }
  const defined = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined))
  await appendOutbox(tx, ProductChangedV1.create(defined as ProductChangedV1['data'], meta))
}

/** Appends `product.sku.created` (initial quantity 0: stock arrives through inventory's adjust). */
export async function publishSkuCreated(
  tx: CatalogTx,
  sku: { id: number; skuCode: string; price: number; optionValues: Record<string, string>; product: ProductRow },
  meta: EventMeta,
): Promise<void> {
  const { product, id, ...rest } = sku
  const data = { ...rest, skuId: id, productId: product.id, productCode: product.productCode, initialQuantity: 0 }
  await appendOutbox(tx, ProductSkuCreatedV1.create({ ...data, createdAt: meta.now.toISOString() }, meta))
}
