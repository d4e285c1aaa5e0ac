import type { EventMeta } from '@commerce/contracts'
import { and, count, eq } from 'drizzle-orm'
import type { CatalogTx } from '../db'
import { products, skus } from '../db/schema'
import { checkTransition, type ProductStatus } from '../domain/product-status'
import { publishProductChanged } from './product-events'
import { lockProduct } from './product-rows'

/** Moves a product along the status machine (400 CATALOG-400-006 / -007) and publishes `product.changed`. */
export async function changeProductStatus(
  tx: CatalogTx,
  input: { productId: number; status: ProductStatus },
  meta: EventMeta,
): Promise<void> {
  const product = await lockProduct(tx, input.productId)
  const [active] = await tx
    .select({ value: count() })
    .from(skus)
    .where(and(eq(skus.productId, product.id), eq(skus.status, 'ACTIVE')))
  const facts = { name: product.name, price: product.price, activeSkus: active?.value ?? 0 }
  checkTransition(product.status as ProductStatus, input.status, facts)
  await tx.update(products).set({ status: input.status, updatedAt: meta.now }).where(eq(products.id, product.id))
  await publishProductChanged(tx, product.id, meta)
}

/** DELETE: the product becomes DELETED; deleting a deleted product changes nothing (false), so retries are safe. */
export async function deleteProduct(tx: CatalogTx, productId: number, meta: EventMeta): Promise<boolean> {
  const product = await lockProduct(tx, productId)
  if (product.status === 'DELETED') return false
  await changeProductStatus(tx, { productId, status: 'DELETED' }, meta)
  return true
}
