import { describe, expect, test } from 'bun:test'
import { Elysia } from 'elysia'
import { type ErrorBody, type OkBody, ok } from './envelope'
import { httpKit } from './http-kit'
import { type Page, PageQuery, page, pageOffset } from './paging'

const skus = Array.from({ length: 45 }, (_, i) => ({ id: i + 1 }))
const app = new Elysia().use(httpKit).get(
  '/skus',
  ({ query }) => {
    const items = skus.slice(pageOffset(query), pageOffset(query) + query.size)
    return ok(page(items, { ...query, totalItems: skus.length }))
  },
  { query: PageQuery },
)
const get = (path: string) => app.handle(new Request(`http://localhost${path}`))
const dataOf = async (res: Response) => ((await res.json()) as OkBody<Page<{ id: number }>>).data

describe('paging', () => {
  test('when no paging is asked for, then page 0 of size 20 is served with the totals', async () => {
    const data = await dataOf(await get('/skus'))
    expect({ ...data, items: data.items.length }).toEqual({
      items: 20,
      page: 0,
      size: 20,
      totalItems: 45,
      totalPages: 3,
    })
  })

  test('when the last page is asked for, then it holds the remainder', async () => {
    const data = await dataOf(await get('/skus?page=2&size=20'))
    expect(data.items).toEqual([{ id: 41 }, { id: 42 }, { id: 43 }, { id: 44 }, { id: 45 }])
  })

  test('when size is above 100 or page is negative, then 400 COMMON-400-004 names the first bad parameter', async () => {
    const res = await get('/skus?page=-1&size=500')
    const body = (await res.json()) as ErrorBody
    expect(res.status).toBe(400)
    expect(body.error.fieldErrors).toEqual([
      { field: 'page', value: -1, reason: 'Expected integer to be greater or equal to 0' },
    ])
  })

  test('when page is 1e23 or past the deepest page, then 400 COMMON-400-004 names page rather than a 500', async () => {
    const responses = await Promise.all([get('/skus?page=1e23'), get('/skus?page=10001')])
    const bodies = (await Promise.all(responses.map((res) => res.json()))) as ErrorBody[]
    expect(responses.map((res) => res.status)).toEqual([400, 400])
    expect(bodies.map((body) => body.error.fieldErrors?.map((e) => e.field))).toEqual([['page'], ['page']])
  })

  test('when there are no items, then there are no pages', () => {
    expect(page([], { page: 0, size: 20, totalItems: 0 })).toEqual({
      items: [],
      page: 0,
      size: 20,
      totalItems: 0,
      totalPages: 0,
    })
  })
})
