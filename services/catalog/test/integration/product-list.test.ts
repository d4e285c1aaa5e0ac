import { describe, expect, test } from 'bun:test'
import { freshId, freshName } from '@commerce/platform/testing'
import { catalogForFile, get, insertBrand, insertCategoryTree, insertProduct, setAttribute } from './reads-fixture'

const services = catalogForFile()
const list = (query: string) => get(`${services.catalog.url}/api/products?${query}`)
const names = async (query: string) => {
  const { status, body } = await list(query)
  if (status !== 200) throw new Error(`list answered ${status}: ${JSON.stringify(body)}`)
  return (body.data.items as { name: string }[]).map((item) => item.name)
}
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000)

describe('GET /api/products filters', () => {
  test('when filtering by a category, then ACTIVE products of it and all its descendants, newest first', async () => {
    const tree = await insertCategoryTree(services.catalog)
    const other = await insertCategoryTree(services.catalog)
    const add = (name: string, categoryId: number, extra = {}) =>
      insertProduct(services.catalog, { name, categoryId, createdAt: minutesAgo(name.length), ...extra })
    await add('r', tree.root)
    await add('ch', tree.child)
    await add('grc', tree.grandchild)
    await add('draft', tree.child, { status: 'DRAFT' })
    await add('suspended', tree.child, { status: 'SUSPENDED' })
    await add('elsewhere', other.child)

    expect([
      await names(`categoryId=${tree.root}`),
      await names(`categoryId=${tree.child}`),
      await names(`categoryId=${tree.grandchild}`),
      await names(`categoryId=${9_007_199_254_740_991}`),
    ]).toEqual([['r', 'ch', 'grc'], ['ch', 'grc'], ['grc'], []])
  })

  test('when filtering by brand, keyword and base price, then only products matching all of them', async () => {
    const brandId = await insertBrand(services.catalog)
    const add = (name: string, price: number, extra = {}) =>
      insertProduct(services.catalog, { name, price, brandId, createdAt: minutesAgo(price / 1000), ...extra })
    await add('Red Apple Box', 1_000)
    await add('plain box', 2_000, { description: 'tastes of APPLE' })
    await add('pear box', 3_000, { sellingPrice: 100 })
    await add('apple 100% pure', 4_000)
    await insertProduct(services.catalog, { name: 'apple of another brand' })

    expect([
      await names(`brandId=${brandId}&keyword=apple`),
      await names(`brandId=${brandId}&minPrice=2000&maxPrice=3000`),
      await names(`brandId=${brandId}&keyword=${encodeURIComponent('100%')}`),
      await names(`brandId=${brandId}&keyword=${encodeURIComponent('%')}&minPrice=4000`),
      await names(`brandId=${brandId}&keyword=${encodeURIComponent('_')}`),
    ]).toEqual([
      ['Red Apple Box', 'plain box', 'apple 100% pure'],
      ['plain box', 'pear box'],
      ['apple 100% pure'],
      ['apple 100% pure'],
      [],
    ])
  })

  test('when filtering by attributes, then only products with every exact value', async () => {
    const brandId = await insertBrand(services.catalog)
    const [colour, size] = [freshId(), freshId()]
    const add = async (name: string, values: [number, string][]) => {
      const { productId } = await insertProduct(services.catalog, { name, brandId, createdAt: minutesAgo(name.length) })
      for (const [attributeId, value] of values) await setAttribute(services.catalog, { productId, attributeId, value })
    }
    await add('a', [
      [colour, 'red'],
      [size, 'L'],
    ])
    await add('bb', [
      [colour, 'red'],
      [size, 'M'],
    ])
    await add('ccc', [
      [colour, 'blue'],
      [size, 'L'],
    ])

    expect([
      await names(`brandId=${brandId}&attr.${colour}=red`),
      await names(`brandId=${brandId}&attr.${colour}=red&attr.${size}=L`),
      await names(`brandId=${brandId}&attr.${colour}=RED%20`),
    ]).toEqual([['a', 'bb'], ['a'], []])
  })
})

describe('GET /api/products sorts and pages', () => {
  test('when sorting, then each sort orders as the original formulas say', async () => {
    const brandName = freshName('Sortable')
    const brandId = await insertBrand(services.catalog, brandName)
    const add = (name: string, at: { selling: number; sales: number; rating: number; age: number }) =>
      insertProduct(services.catalog, {
        ...{ name, brandId, price: 50_000, sellingPrice: at.selling, salesCount: at.sales },
        ...{ averageRating: at.rating, createdAt: minutesAgo(at.age) },
      })
    await add('old bestseller', { selling: 30_000, sales: 10, rating: 0, age: 30 })
    await add('cheap', { selling: 10_000, sales: 2, rating: 5, age: 20 })
    await add('new gem', { selling: 40_000, sales: 2, rating: 4, age: 10 })
    await add(`${brandName} x`, { selling: 20_000, sales: 0, rating: 0, age: 5 })
    const sorted = (sort: string, extra = '') => names(`brandId=${brandId}&sort=${sort}${extra}`)

    expect({
      latest: await sorted('LATEST'),
      priceAsc: await sorted('PRICE_ASC'),
      priceDesc: await sorted('PRICE_DESC'),
      bestSelling: await sorted('BEST_SELLING'),
      popularity: await sorted('POPULARITY'),
      recommended: await sorted('RECOMMENDED'),
      recommendedGem: await sorted('RECOMMENDED', '&keyword=gem'),
    }).toEqual({
      latest: [`${brandName} x`, 'new gem', 'cheap', 'old bestseller'],
      priceAsc: ['cheap', `${brandName} x`, 'old bestseller', 'new gem'],
      priceDesc: ['new gem', 'old bestseller', `${brandName} x`, 'cheap'],
      bestSelling: ['old bestseller', 'new gem', 'cheap', `${brandName} x`],
      popularity: ['old bestseller', 'cheap', 'new gem', `${brandName} x`],
      recommended: ['old bestseller', 'cheap', 'new gem', `${brandName} x`],
      // Only 'new gem' contains the keyword: the filter applies before the relevance order.
      recommendedGem: ['new gem'],
    })
  })

  test('when paging, then the SPEC page shape with totals and the list item fields', async () => {
    const brandName = freshName('Paged')
    const brandId = await insertBrand(services.catalog, brandName)
    for (const age of [3, 2, 1]) {
      await insertProduct(services.catalog, {
        name: `p${age}`,
        brandId,
        price: 9_000,
        sellingPrice: 8_100,
        createdAt: minutesAgo(age),
      })
    }

    const { status, body } = await list(`brandId=${brandId}&page=1&size=2`)

    expect([status, body.data]).toEqual([
      200,
      {
        items: [
          {
            ...{ id: expect.any(Number), name: 'p3', originalPrice: 9_000, sellingPrice: 8_100, discountRate: 10 },
            ...{ status: 'ACTIVE', categoryId: null, thumbnailImageUrl: null, brandId, brandName, salesCount: 0 },
            ...{ viewCount: 0, likeCount: 0, averageRating: 0, reviewCount: 0, available: false },
          },
        ],
        page: 1,
        size: 2,
        totalItems: 3,
        totalPages: 2,
      },
    ])
  })

  test('when the query is bad, then 400 with a code, never 500', async () => {
    const tooMany = Array.from({ length: 11 }, (_, i) => `attr.${i + 1}=x`).join('&')
    const queries = [
      'sort=RATING_DESC',
      'sort=REVIEW_COUNT_DESC',
      'sort=nonsense',
      'size=101',
      'page=-1',
      'page=10001',
      'minPrice=1e30',
      'categoryId=0',
      `keyword=${'k'.repeat(101)}`,
      'attr.abc=1',
      'attr.0=1',
      'attr.99999999999999999=1',
      `attr.1=${'v'.repeat(501)}`,
      'attr.1=a&attr.1=b',
      tooMany,
    ]

    const answers = await Promise.all(queries.map(list))

    expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual([
      ...Array(9).fill([400, 'COMMON-400-004']),
      ...Array(6).fill([400, 'CATALOG-400-008']),
    ])
  })
})
