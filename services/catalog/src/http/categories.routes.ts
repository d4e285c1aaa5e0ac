import { Envelope, Id, IdParam, idempotency, jwtAuth, NonEmptyText, ok } from '@commerce/platform/http'
import { Elysia, t } from 'elysia'
import { createCategory } from '../use-cases/categories'
import { createCategoryTree } from '../use-cases/category-tree'
import { categoryReads } from '../use-cases/prepared-reads'
import { categoryAttributeRoutes } from './category-attributes.routes'
import { freshAnswer } from './fresh-answer'
import type { CatalogRouteDeps } from './route-deps'

const CategoryView = t.Object({
  id: t.Integer(),
  name: t.String(),
  code: t.String(),
  parentId: t.Union([t.Integer(), t.Null()]),
  depth: t.Integer(),
  ordering: t.Integer(),
})

const NewCategoryBody = t.Object({
  name: NonEmptyText(100),
  parentId: t.Optional(Id()),
  ordering: t.Optional(t.Integer({ minimum: 0, maximum: 10_000 })),
})

// Recursive: a node's children are nodes. Depth and total size are checked by the use case (400 CATALOG-400-009).
const NewTreeNode = t.Recursive((Node) =>
  t.Object({
    name: NonEmptyText(100),
    ordering: t.Optional(t.Integer({ minimum: 0, maximum: 10_000 })),
    children: t.Optional(t.Array(Node, { maxItems: 50 })),
  }),
)
const NewTreeBody = t.Object({ parentId: t.Optional(Id()), root: NewTreeNode })

/**
 * Categories: children or roots, one, the tree (public); create one or a whole subtree (role ADMIN,
 * Idempotency-Key); attributes.
 */
export const categoryRoutes = (deps: CatalogRouteDeps) => {
  const reads = categoryReads(deps.db)
  const fresh = freshAnswer(deps.redis)
  return (
    new Elysia({ prefix: '/api/categories', detail: { tags: ['categories'] } })
      .use(jwtAuth(deps.auth))
      .use(idempotency({ db: deps.db }))
      .get('/', async ({ query }) => ok(await reads.children(query.parentId)), {
        query: t.Object({ parentId: t.Optional(Id()) }),
        response: Envelope(t.Array(CategoryView)),
      })
      // No response schema: Elysia infers a recursive TypeBox schema's children as never[].
      .get('/tree', async () => ok(await reads.tree()), {
        detail: { description: 'Roots with nested `children`: `{id, name, depth, ordering, children}`' },
      })
      .get('/:id', async ({ params }) => ok(await reads.one(params.id)), {
        params: IdParam,
        response: Envelope(CategoryView),
      })
      .post(
        '/',
        async ({ body, meta, status, idempotently }) =>
          fresh(await idempotently(async (tx) => status(201, ok(await createCategory(tx, body, meta))))),
        { role: 'ADMIN', idempotent: true, body: NewCategoryBody, response: { 201: Envelope(CategoryView) } },
      )
      .post(
        '/tree',
        async ({ body, meta, status, idempotently }) =>
          fresh(await idempotently(async (tx) => status(201, ok(await createCategoryTree(tx, body, meta))))),
        {
          role: 'ADMIN',
          idempotent: true,
          body: NewTreeBody,
          detail: {
            description: 'Creates `root` and its nested `children` (≤ 5 levels, ≤ 200 categories), all or nothing',
          },
        },
      )
      .use(categoryAttributeRoutes(deps))
  )
}
