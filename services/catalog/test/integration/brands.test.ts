import { describe, expect, test } from 'bun:test'
import { freshName } from '@commerce/platform/testing'
import { call, catalogAndAuth } from './fixture'

const ctx = catalogAndAuth()

const createBrand = async (body: object) =>
  (await call(`${ctx.url}/api/brands`, { method: 'POST', body, token: ctx.admin })).body.data

describe('brands', () => {
  test('when a brand is created, changed and read, then list and detail show the change', async () => {
    const brand = await createBrand({ name: freshName('brand'), logoImageUrl: 'https://cdn.example.com/logo.png' })
    const name = freshName('renamed')
    const changed = await call(`${ctx.url}/api/brands/${brand.id}`, {
      method: 'PUT',
      body: { name, logoImageUrl: null },
      token: ctx.admin,
    })
    const one = await call(`${ctx.url}/api/brands/${brand.id}`)
    const list = await call(`${ctx.url}/api/brands`)
    const listed = list.body.data.find((b: { id: number }) => b.id === brand.id)
    expect([changed.status, one.body.data, listed]).toEqual([
      200,
      { id: brand.id, name, logoImageUrl: null },
      one.body.data,
    ])
  })

  test('when a brand is deleted, then it is gone from every read and a second delete is 404 CATALOG-404-005', async () => {
    const brand = await createBrand({ name: freshName('gone') })
    const deleted = await call(`${ctx.url}/api/brands/${brand.id}`, { method: 'DELETE', token: ctx.admin })
    const one = await call(`${ctx.url}/api/brands/${brand.id}`)
    const list = await call(`${ctx.url}/api/brands`)
    const again = await call(`${ctx.url}/api/brands/${brand.id}`, { method: 'DELETE', token: ctx.admin })
    const product = await call(`${ctx.url}/api/products`, {
      method: 'POST',
      body: { name: 'x', price: 1, brandId: brand.id },
      token: ctx.admin,
    })
    expect([
      deleted.status,
      [one.status, one.body.error.code],
      list.body.data.some((b: { id: number }) => b.id === brand.id),
      [again.status, again.body.error.code],
      [product.status, product.body.error.code],
    ]).toEqual([204, [404, 'CATALOG-404-005'], false, [404, 'CATALOG-404-005'], [404, 'CATALOG-404-005']])
  })

  test('when a member or nobody writes, then 403 / 401; a bad body is 400', async () => {
    const answers = await Promise.all([
      call(`${ctx.url}/api/brands`, { method: 'POST', body: { name: 'x' }, token: ctx.member }),
      call(`${ctx.url}/api/brands`, { method: 'POST', body: { name: 'x' } }),
      call(`${ctx.url}/api/brands`, { method: 'POST', body: { name: '' }, token: ctx.admin }),
    ])
    expect(answers.map((a) => a.status)).toEqual([403, 401, 400])
  })

  test('when a create is retried with the same Idempotency-Key, then the same brand comes back', async () => {
    const request = { method: 'POST', body: { name: freshName('once') }, token: ctx.admin, key: freshName('k') }
    const [first, second] = [await call(`${ctx.url}/api/brands`, request), await call(`${ctx.url}/api/brands`, request)]
    expect([first.status, second.status, second.body.data.id]).toEqual([201, 201, first.body.data.id])
  })
})
