import { type TSchema, t } from 'elysia'

/** Deepest page served: page × size stays far below MariaDB's OFFSET range and a scan anyone would wait for. */
export const maxPage = 10_000

/** `?page=0&size=20` (SPEC §3): zero-based page up to `maxPage`, size capped at 100. */
export const PageQuery = t.Object({
  page: t.Integer({ minimum: 0, maximum: maxPage, default: 0 }),
  size: t.Integer({ minimum: 1, maximum: 100, default: 20 }),
})

/** One page of items with the totals a client needs to page on. */
export interface Page<T> {
  items: T[]
  page: number
  size: number
  totalItems: number
  totalPages: number
}

/** Builds a page; `totalPages` is derived so it can never disagree with `totalItems`. */
export function page<T>(items: T[], at: { page: number; size: number; totalItems: number }): Page<T> {
  const totalPages = at.size > 0 ? Math.ceil(at.totalItems / at.size) : 0
  return { items, page: at.page, size: at.size, totalItems: at.totalItems, totalPages }
}

/** SQL `offset` of a page request. */
export const pageOffset = (query: { page: number; size: number }): number => query.page * query.size

/** Response schema of `page(...)` for `item`; wrap it in `Envelope(...)`. */
export const PageOf = <T extends TSchema>(item: T) =>
  t.Object({
    items: t.Array(item),
    page: t.Integer({ minimum: 0 }),
    size: t.Integer({ minimum: 1 }),
    totalItems: t.Integer({ minimum: 0 }),
    totalPages: t.Integer({ minimum: 0 }),
  })
