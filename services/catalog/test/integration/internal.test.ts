import { describe, expect, test } from 'bun:test'
import { freshName } from '@commerce/platform/testing'
import { call, catalogAndAuth, createProduct } from './fixture'

const ctx = catalogAndAuth()

const optionGroups = [
  {
    name: 'size',
    options: [
      { name: 'S', additionalPrice: 0 },
      { name: 'L', additionalPrice: 500 },
    ],
  },
]

const activate = (id: number) =>
  call(`${ctx.url}/api/products/${id}/status`, { method: 'PATCH', body: { status: 'ACTIVE' }, token: ctx.admin })

describe('GET /internal/skus', () => {
  test('when ids of an active product are asked, then each SKU comes with product name, prices and status', async () => {
    const product = await createProduct(ctx, { name: freshName('tee'), price: 1000, optionGroups })
    await activate(product.id)
    const [small, large] = product.skus
    const answer = await call(`${ctx.url}/internal/skus?ids=${large.id},${small.id},9999999999`)
    expect(answer).toEqual({
      status: 200,
      body: {
        success: true,
        timestamp: expect.any(String),
        data: [
          {
            id: small.id,
            productId: product.id,
            productName: product.name,
            optionValues: { size: 'S' },
            price: 1000,
            sellingPrice: 1000,
            status: 'ACTIVE',
          },
          {
            id: large.id,
            productId: product.id,
            productName: product.name,
            optionValues: { size: 'L' },
            price: 1500,
            sellingPrice: 1500,
            status: 'ACTIVE',
          },
        ],
      },
    })
  })

  test('when the product is not ACTIVE, then its SKUs read DEACTIVATED so no order can buy them', async () => {
    const product = await createProduct(ctx, { name: freshName('draft'), price: 1000 })
    const answer = await call(`${ctx.url}/internal/skus?ids=${product.skus[0].id}`)
    expect(answer.body.data.map((s: { status: string }) => s.status)).toEqual(['DEACTIVATED'])
  })

  test('when the ids are malformed, too many or out of range, then 400', async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => i + 1).join(',')
    const lists = ['', 'abc', '1,,2', '-1', '0', tooMany, '99999999999999999', '1;DROP']
    const answers = await Promise.all(
      lists.map((ids) => call(`${ctx.url}/internal/skus?ids=${encodeURIComponent(ids)}`)),
    )
    expect(answers.map((a) => a.status)).toEqual(lists.map(() => 400))
    const missing = await call(`${ctx.url}/internal/skus`)
    expect(missing.status).toBe(400)
  })
})
