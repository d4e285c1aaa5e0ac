import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { CatalogDb } from '../db'
import { brands, categories } from '../db/schema'
import { CatalogErrors } from '../domain/errors'
import { brandView } from './brands'
import { categoryTree, categoryView } from './categories'

const displayOrder = [asc(categories.ordering), asc(categories.id)]

/**
 * The public category reads as statements built once (building a Drizzle query costs more CPU than running it on
 * Bun); make them once per service, when the routes are built.
 */
export function categoryReads(db: CatalogDb) {
  const one = db
    .select()
    .from(categories)
    .where(eq(categories.id, sql.placeholder('id')))
    .prepare()
  const roots = db
    .select()
    .from(categories)
    .where(isNull(categories.parentId))
    .orderBy(...displayOrder)
    .prepare()
  const children = db
    .select()
    .from(categories)
    .where(eq(categories.parentId, sql.placeholder('parentId')))
    .orderBy(...displayOrder)
    .prepare()
  const all = db
    .select()
    .from(categories)
    .orderBy(...displayOrder)
    .prepare()
  return {
    /** One category or 404 CATALOG-404-002. */
    one: async (id: number) => {
      const [row] = await one.execute({ id })
      if (!row) throw CatalogErrors.categoryNotFound()
      return categoryView(row)
    },
    /** Children of `parentId`, the roots without it. */
    children: async (parentId: number | undefined) =>
      (parentId === undefined ? await roots.execute() : await children.execute({ parentId })).map(categoryView),
    /** The whole tree. */
    tree: async () => categoryTree(await all.execute()),
  }
}

/** The public brand reads as statements built once. */
export function brandReads(db: CatalogDb) {
  const live = isNull(brands.deletedAt)
  const all = db.select().from(brands).where(live).orderBy(asc(brands.name), asc(brands.id)).prepare()
  const one = db
    .select()
    .from(brands)
    .where(and(eq(brands.id, sql.placeholder('id')), live))
    .prepare()
  return {
    /** Every brand not deleted, by name. */
    all: async () => (await all.execute()).map(brandView),
    /** A brand not deleted, or 404 CATALOG-404-005. */
    one: async (id: number) => {
      const [row] = await one.execute({ id })
      if (!row) throw CatalogErrors.brandNotFound()
      return brandView(row)
    },
  }
}
