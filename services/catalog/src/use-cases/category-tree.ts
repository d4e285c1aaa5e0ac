import type { CatalogTx } from '../db'
import { CatalogErrors } from '../domain/errors'
import type { CategoryNode } from './categories'
import { createCategory } from './categories'

/** One node of a tree to create: a name, an ordering, and children of the same shape. */
export interface NewCategoryNode {
  name: string
  ordering?: number | undefined
  children?: NewCategoryNode[] | undefined
}

/** How big a tree one request may create (the category tree is a navigation menu, not a bulk import). */
export const treeLimits = { depth: 5, nodes: 200 } as const

function measure(node: NewCategoryNode, depth = 1): { depth: number; nodes: number } {
  return (node.children ?? []).reduce(
    (total, child) => {
      const sub = measure(child, depth + 1)
      return { depth: Math.max(total.depth, sub.depth), nodes: total.nodes + sub.nodes }
    },
    { depth, nodes: 1 },
  )
}

/**
 * Creates a whole subtree (original `POST /api/categories/tree`) in the caller's transaction: all of it or nothing, so
 * a sibling-name clash anywhere (409 CATALOG-409-002) leaves no half-made tree. Too deep or too big → 400.
 */
export async function createCategoryTree(
  tx: CatalogTx,
  input: { root: NewCategoryNode; parentId?: number | undefined },
  meta: { now: Date },
): Promise<CategoryNode> {
  const size = measure(input.root)
  if (size.depth > treeLimits.depth || size.nodes > treeLimits.nodes) {
    throw CatalogErrors.invalidCategoryTree(`at most ${treeLimits.depth} levels and ${treeLimits.nodes} categories`)
  }
  return createNode(tx, { node: input.root, parentId: input.parentId }, meta)
}

async function createNode(
  tx: CatalogTx,
  at: { node: NewCategoryNode; parentId: number | undefined },
  meta: { now: Date },
): Promise<CategoryNode> {
  const { node, parentId } = at
  const created = await createCategory(tx, { name: node.name, parentId, ordering: node.ordering }, meta)
  const children: CategoryNode[] = []
  for (const child of node.children ?? [])
    children.push(await createNode(tx, { node: child, parentId: created.id }, meta))
  return { id: created.id, name: created.name, depth: created.depth, ordering: created.ordering, children }
}
