import { eq } from 'drizzle-orm'
import type { CatalogDb, CatalogTx } from '../db'
import { categories } from '../db/schema'
import { categoryCode } from '../domain/codes'
import { CatalogErrors } from '../domain/errors'
import { duplicateKeyName } from './duplicate-key'

export type CategoryRow = typeof categories.$inferSelect

/** A category as the API answers it. */
export const categoryView = ({ id, name, code, parentId, depth, ordering }: CategoryRow) => ({
  id,
  name,
  code,
  parentId,
  depth,
  ordering,
})

/** The category or 404 CATALOG-404-002. */
export async function findCategory(db: CatalogDb | CatalogTx, categoryId: number): Promise<CategoryRow> {
  const [category] = await db.select().from(categories).where(eq(categories.id, categoryId))
  if (!category) throw CatalogErrors.categoryNotFound()
  return category
}

/**
 * Creates a category under `parentId` (a root without), its materialized path ending in its own id. A sibling with
 * the same name is 409 CATALOG-409-002 — decided by the unique (parent, name) index, so two racing creates cannot
 * both succeed; a clash of the random code suffix draws again.
 */
export async function createCategory(
  tx: CatalogTx,
  input: { name: string; parentId?: number | undefined; ordering?: number | undefined },
  meta: { now: Date },
) {
  const { now } = meta
  const parent = input.parentId === undefined ? undefined : await findCategory(tx, input.parentId)
  const row = {
    name: input.name,
    parentId: parent?.id ?? null,
    parentKey: parent?.id ?? 0,
    path: '',
    depth: parent ? parent.depth + 1 : 0,
    ordering: input.ordering ?? 0,
    createdAt: now,
    updatedAt: now,
  }
  const id = await insertWithFreshCode(tx, row)
  await tx
    .update(categories)
    .set({ path: `${parent?.path ?? '/'}${id}/` })
    .where(eq(categories.id, id))
  return categoryView(await findCategory(tx, id))
}

async function insertWithFreshCode(tx: CatalogTx, row: Omit<typeof categories.$inferInsert, 'code'>) {
  for (let attempt = 1; ; attempt++) {
    try {
      const [inserted] = await tx.insert(categories).values({ ...row, code: categoryCode(row.name) })
      return inserted.insertId
    } catch (error) {
      const key = duplicateKeyName(error)
      if (key === 'categories_sibling_name') throw CatalogErrors.categoryNameTaken()
      if (key !== 'categories_code' || attempt >= 5) throw error
    }
  }
}

export interface CategoryNode {
  id: number
  name: string
  depth: number
  ordering: number
  children: CategoryNode[]
}

/** Nests rows (already in display order) into a tree of roots. */
export function categoryTree(rows: CategoryRow[]): CategoryNode[] {
  const nodes = new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, depth: r.depth, ordering: r.ordering, children: [] as CategoryNode[] },
    ]),
  )
  const roots: CategoryNode[] = []
  for (const row of rows) {
    const node = nodes.get(row.id) as CategoryNode
    const parent = row.parentId === null ? undefined : nodes.get(row.parentId)
    ;(parent ? parent.children : roots).push(node)
  }
  return roots
}
