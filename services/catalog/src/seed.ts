import type { CatalogDb } from './db'

/** Demo data (idempotent): a category tree, brands, a few ACTIVE products with SKUs. */
export async function seedCatalog(_deps: { db: CatalogDb }): Promise<void> {}
