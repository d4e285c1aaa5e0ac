import { and, eq, ne } from 'drizzle-orm'
import type { CatalogDb, CatalogTx } from '../db'
import { products } from '../db/schema'
import { CatalogErrors } from '../domain/errors'

/** A product pricing may act on (not DELETED), its row locked when `lock`; 404 CATALOG-404-001 otherwise. */
export async function existingProduct(db: CatalogDb | CatalogTx, productId: number, options = { lock: false }) {
  const query = db
    .select({ id: products.id, price: products.price, sellingPrice: products.sellingPrice })
    .from(products)
    .where(and(eq(products.id, productId), ne(products.status, 'DELETED')))
  const [product] = options.lock ? await query.for('update') : await query
  if (!product) throw CatalogErrors.productNotFound()
  return product
}

/** The stored window of a request's ISO instants; 400 when it ends before (or when) it starts. */
export function windowOf(input: { startAt?: string | null; endAt?: string | null }) {
  const startAt = input.startAt ? new Date(input.startAt) : null
  const endAt = input.endAt ? new Date(input.endAt) : null
  if (startAt && endAt && endAt.getTime() <= startAt.getTime()) {
    throw CatalogErrors.invalidField('endAt', input.endAt, 'endAt must be after startAt')
  }
  return { startAt, endAt }
}
