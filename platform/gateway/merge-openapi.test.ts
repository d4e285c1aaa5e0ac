import { describe, expect, test } from 'bun:test'
import { mergeOpenApi } from './merge-openapi'

const routes = [
  { prefix: '/api/products', service: 'catalog' },
  { prefix: '/api/orders', service: 'order' },
]
const page = (item: string) => ({
  type: 'object',
  properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } } },
})
const op = (ref: string) => ({
  get: { responses: { 200: { content: { 'application/json': { schema: { $ref: ref } } } } } },
})

describe('mergeOpenApi', () => {
  const merged = mergeOpenApi({
    title: 't',
    routes,
    documents: [
      {
        service: 'catalog',
        document: {
          paths: {
            '/api/products/': op('#/components/schemas/Page'),
            '/health/ready': op('#/x'),
            '/internal/skus': op('#/x'),
          },
          components: { schemas: { Page: page('Product'), Product: { type: 'object' } } },
        },
      },
      {
        service: 'order',
        document: {
          paths: { '/api/orders/{id}': op('#/components/schemas/Page'), '/api/products/': op('#/y') },
          components: { schemas: { Page: page('Order'), Product: { type: 'object' } } },
        },
      },
    ],
  })

  test('when services document health, internal or foreign paths, then only the paths the table routes to them stay', () => {
    expect(Object.keys(merged.paths).sort()).toEqual(['/api/orders/{id}', '/api/products/'])
  })

  test('when two services name different schemas alike, then the later one is prefixed and its refs follow', () => {
    expect(Object.keys(merged.components.schemas).sort()).toEqual(['OrderPage', 'Page', 'Product'])
    expect(JSON.stringify(merged.paths['/api/orders/{id}'])).toContain('#/components/schemas/OrderPage')
    expect(JSON.stringify(merged.paths['/api/products/'])).toContain('#/components/schemas/Page"')
  })
})
