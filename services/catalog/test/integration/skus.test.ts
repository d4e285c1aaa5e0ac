import { describe, expect, test } from 'bun:test'
import { freshName, waitForOutboxEvent } from '@commerce/platform/testing'
import { call, catalogAndAuth, createProduct } from './fixture'

const ctx = catalogAndAuth()

describe('product options', () => {
  const optionGroups = [
    { name: 'color', options: [{ name: 'red', additionalPrice: 0 }] },
    {
      name: 'size',
      options: [
        { name: 'S', additionalPrice: 0 },
        { name: 'M', additionalPrice: 100 },
      ],
    },
  ]

  test('when options are added to a group, then the new combinations get SKUs and product.sku.created', async () => {
    const product = await createProduct(ctx, { name: freshName('p'), price: 1000, optionGroups })
    const color = product.optionGroups.find((g: { name: string }) => g.name === 'color')
    const answer = await call(`${ctx.url}/api/products/${product.id}/options`, {
      method: 'POST',
      body: { optionGroupId: color.id, options: [{ name: 'blue', additionalPrice: 300 }] },
      token: ctx.admin,
    })
    const skus = answer.body.data.skus.map((s: { optionValues: object; price: number }) => [s.optionValues, s.price])
    expect([answer.status, skus]).toEqual([
      200,
      [
        [{ color: 'red', size: 'S' }, 1000],
        [{ color: 'red', size: 'M' }, 1100],
        [{ color: 'blue', size: 'S' }, 1300],
        [{ color: 'blue', size: 'M' }, 1400],
      ],
    ])
    const newSku = answer.body.data.skus[3]
    await waitForOutboxEvent(
      ctx.catalog.deps.db,
      'product.sku.created',
      (e) => (e.data as { skuId: number }).skuId === newSku.id,
    )
  })

  test('when an option is removed, then its SKUs are DEACTIVATED with product.sku.deactivated', async () => {
    const product = await createProduct(ctx, { name: freshName('p'), price: 1000, optionGroups })
    const medium = product.optionGroups[1].options.find((o: { name: string }) => o.name === 'M')
    const answer = await call(`${ctx.url}/api/products/${product.id}/options/${medium.id}`, {
      method: 'DELETE',
      token: ctx.admin,
    })
    const statuses = answer.body.data.skus.map((s: { optionValues: { size: string }; status: string }) => [
      s.optionValues.size,
      s.status,
    ])
    expect([answer.status, statuses]).toEqual([
      200,
      [
        ['S', 'ACTIVE'],
        ['M', 'DEACTIVATED'],
      ],
    ])
    const deactivated = answer.body.data.skus[1]
    const event = await waitForOutboxEvent(
      ctx.catalog.deps.db,
      'product.sku.deactivated',
      (e) => (e.data as { skuId: number }).skuId === deactivated.id,
    )
    expect(event.data).toMatchObject({ productId: product.id, optionValues: { color: 'red', size: 'M' } })
  })

  test('when a removed option is added back, then the combination’s SKU comes back ACTIVE under the same id', async () => {
    const product = await createProduct(ctx, { name: freshName('p'), price: 1000, optionGroups })
    const sizes = product.optionGroups[1]
    const medium = sizes.options.find((o: { name: string }) => o.name === 'M')
    await call(`${ctx.url}/api/products/${product.id}/options/${medium.id}`, { method: 'DELETE', token: ctx.admin })
    const answer = await call(`${ctx.url}/api/products/${product.id}/options`, {
      method: 'POST',
      body: { optionGroupId: sizes.id, options: [{ name: 'M', additionalPrice: 700 }] },
      token: ctx.admin,
    })
    const skus = answer.body.data.skus.map((s: { id: number; price: number; status: string }) => [
      s.id,
      s.price,
      s.status,
    ])
    expect(skus).toEqual([
      [product.skus[0].id, 1000, 'ACTIVE'],
      [product.skus[1].id, 1700, 'ACTIVE'],
    ])
  })

  test('when an added option repeats a name of its group, then 400 CATALOG-400-002 and nothing changes', async () => {
    const product = await createProduct(ctx, { name: freshName('p'), price: 1000, optionGroups })
    const answer = await call(`${ctx.url}/api/products/${product.id}/options`, {
      method: 'POST',
      body: { optionGroupId: product.optionGroups[1].id, options: [{ name: 'S', additionalPrice: 0 }] },
      token: ctx.admin,
    })
    expect([answer.status, answer.body.error.code]).toEqual([400, 'CATALOG-400-002'])
  })

  test('when the group or option is not the product’s, then 404 CATALOG-404-004', async () => {
    const product = await createProduct(ctx, { name: freshName('p'), price: 1000, optionGroups })
    const answers = await Promise.all([
      call(`${ctx.url}/api/products/${product.id}/options`, {
        method: 'POST',
        body: { optionGroupId: 9_999_999_999, options: [{ name: 'x', additionalPrice: 0 }] },
        token: ctx.admin,
      }),
      call(`${ctx.url}/api/products/${product.id}/options/9999999999`, { method: 'DELETE', token: ctx.admin }),
    ])
    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [404, 'CATALOG-404-004'],
      [404, 'CATALOG-404-004'],
    ])
  })
})
