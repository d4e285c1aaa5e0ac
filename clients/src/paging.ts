import { ApiError } from './errors'
import { type DataOf, result, type TreatyAnswer } from './result'

/** One page of a paged list (SPEC §3: `?page=0&size=20`, zero-based). */
export interface Page<T> {
  items: T[]
  page: number
  size: number
  totalItems: number
  totalPages: number
}

/** The item type of a paged call's answer. */
export type ItemOf<A extends TreatyAnswer> = DataOf<A> extends Page<infer T> ? T : never

/** How `allPages` pages: page size (default 100, the servers' maximum) and where to start (default 0). */
export interface PagingOptions {
  size?: number
  from?: number
}

/**
 * Every item of a paged list, page after page, until the last page:
 * `for await (const p of allPages((page) => api.products.get({ query: page }))) …`.
 * A refused page throws `ApiError`.
 */
export async function* allPages<A extends TreatyAnswer>(
  fetchPage: (page: { page: number; size: number }) => Promise<A>,
  options: PagingOptions = {},
): AsyncGenerator<ItemOf<A>, void, undefined> {
  const size = options.size ?? 100
  for (let page = options.from ?? 0; ; page++) {
    const answered = await result(fetchPage({ page, size }))
    if (!answered.ok) throw new ApiError(answered.status, answered.error)
    const current = answered.data as Page<ItemOf<A>>
    yield* current.items
    if (page + 1 >= current.totalPages || current.items.length === 0) return
  }
}

/** `allPages` collected into one array (mind the size of what you ask for). */
export async function collectPages<A extends TreatyAnswer>(
  fetchPage: (page: { page: number; size: number }) => Promise<A>,
  options: PagingOptions = {},
): Promise<ItemOf<A>[]> {
  const items: ItemOf<A>[] = []
  for await (const item of allPages(fetchPage, options)) items.push(item)
  return items
}
