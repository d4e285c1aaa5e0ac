import { describe, expect, test } from 'bun:test'
import { catalogForFile, get, insertBrand, insertProduct } from './reads-fixture'

const services = catalogForFile()
const url = (path: string) => `${services.catalog.url}${path}`

const shirt = {
  price: 20_000,
  sellingPrice: 18_000,
  description: 'soft cotton',
  optionGroups: [
    {
      name: '색상',
      options: [
        { name: '블랙', additionalPrice: 0 },
        { name: '화이트', additionalPrice: 500 },
      ],
    },
    {
      name: '사이즈',
      options: [
        { name: 'M', additionalPrice: 0 },
        { name: 'L', additionalPrice: 1_000 },
      ],
    },
  ],
}

describe('GET /api/products/{id}', () => {
  test('when a product has options, then the detail shows its groups, options and SKUs with prices and availability', async () => {
    const brandId = await insertBrand(services.catalog, 'Detail Brand')
    const { productId, skuIds } = await insertProduct(services.catalog, { ...shirt, name: 'Tee', brandId })

    const { status, body } = await get(url(`/api/products/${productId}`))

    const sku = (i: number, price: number, optionValues: Record<string, string>) => ({
      id: skuIds[i],
      skuCode: expect.any(String),
      price,
      sellingPrice: price - 2_000,
      optionValues,
      available: false,
    })
    expect([status, body.data]).toEqual([
      200,
      {
        ...{ id: productId, name: 'Tee', description: 'soft cotton', originalPrice: 20_000, sellingPrice: 18_000 },
        ...{ discountRate: 10, status: 'ACTIVE', categoryId: null, thumbnailImageUrl: null, brandId },
        ...{ brandName: 'Detail Brand', averageRating: 0, reviewCount: 0, salesCount: 0, viewCount: 0, likeCount: 0 },
        available: false,
        optionGroups: [
          {
            id: expect.any(Number),
            name: '색상',
            options: [
              { id: expect.any(Number), name: '블랙', additionalPrice: 0 },
              { id: expect.any(Number), name: '화이트', additionalPrice: 500 },
            ],
          },
          {
            id: expect.any(Number),
            name: '사이즈',
            options: [
              { id: expect.any(Number), name: 'M', additionalPrice: 0 },
              { id: expect.any(Number), name: 'L', additionalPrice: 1_000 },
            ],
          },
        ],
        skus: [
          sku(0, 20_000, { 색상: '블랙', 사이즈: 'M' }),
          sku(1, 21_000, { 색상: '블랙', 사이즈: 'L' }),
          sku(2, 20_500, { 색상: '화이트', 사이즈: 'M' }),
          sku(3, 21_500, { 색상: '화이트', 사이즈: 'L' }),
        ],
      },
    ])
  })

  test('when the product is DELETED or unknown, then 404 CATALOG-404-001; a DRAFT is shown', async () => {
    const deleted = await insertProduct(services.catalog, { status: 'DELETED' })
    const draft = await insertProduct(services.catalog, { status: 'DRAFT' })

    const answers = await Promise.all(
      [deleted.productId, 9_007_199_254_740_991, draft.productId].map((id) => get(url(`/api/products/${id}`))),
    )

    expect(answers.map((a) => [a.status, a.body.error?.code ?? a.body.data.status])).toEqual([
      [404, 'CATALOG-404-001'],
      [404, 'CATALOG-404-001'],
      [200, 'DRAFT'],
    ])
  })

  test('when the id is not an id, then 400 with a code, never 500', async () => {
    const answers = await Promise.all(['abc', '0', '1e30', '-5'].map((id) => get(url(`/api/products/${id}`))))

    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual(Array(4).fill([400, 'COMMON-400-004']))
  })
})

describe('GET /api/products/{id}/skus', () => {
  test('when the options match an ACTIVE SKU in any order, then that SKU; unknown options → 404 CATALOG-404-004', async () => {
    const { productId, skuIds } = await insertProduct(services.catalog, shirt)
    const lookup = (query: string) => get(url(`/api/products/${productId}/skus?${query}`))

    const found = await lookup(
      `${encodeURIComponent('사이즈')}=L&${encodeURIComponent('색상')}=${encodeURIComponent('화이트')}`,
    )
    const partial = await lookup(`${encodeURIComponent('사이즈')}=L`)
    const unknown = await lookup(
      `${encodeURIComponent('사이즈')}=XL&${encodeURIComponent('색상')}=${encodeURIComponent('블랙')}`,
    )

    expect([found.status, found.body.data, partial.body.error.code, unknown.body.error.code]).toEqual([
      200,
      {
        skuId: skuIds[3],
        productId,
        price: 21_500,
        sellingPrice: 19_500,
        optionValues: { 색상: '화이트', 사이즈: 'L' },
        available: false,
      },
      'CATALOG-404-004',
      'CATALOG-404-004',
    ])
  })

  test('when no option is given, too many, or the product is unknown, then 400 / 404 with a code, never 500', async () => {
    const { productId } = await insertProduct(services.catalog, shirt)
    const many = Array.from({ length: 6 }, (_, i) => `g${i}=o`).join('&')

    const answers = await Promise.all([
      get(url(`/api/products/${productId}/skus`)),
      get(url(`/api/products/${productId}/skus?${many}`)),
      get(url(`/api/products/${productId}/skus?__proto__=x`)),
      get(url(`/api/products/${productId}/skus?a=${'x'.repeat(101)}`)),
      get(url('/api/products/9007199254740991/skus?a=b')),
    ])

    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [400, 'COMMON-400-003'],
      [400, 'CATALOG-400-008'],
      [404, 'CATALOG-404-004'],
      [400, 'CATALOG-400-008'],
      [404, 'CATALOG-404-001'],
    ])
  })
})
