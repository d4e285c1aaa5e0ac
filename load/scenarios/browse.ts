import { type Journey, request } from './journey'

const step = (spec: Parameters<typeof request>[1]) => request('browse', spec)

/**
 * A shopper browsing: a list page, a filtered and sorted list, the category tree, a product's detail (the first of the
 * list page, or the load product when the page drawn is past the catalog's end).
 */
export const browse: Journey = {
  name: 'browse',
  mixedWeight: 55,
  thresholds: { p95: 50, p99: 150, maxErrorPercent: 0.1 },
  flow: [
    step({
      method: 'get',
      url: '/api/products?page={{ $randomNumber(0, 4) }}&size=20',
      capture: { json: '$.data.items[0].id', as: 'listedProductId', strict: false },
    }),
    step({ method: 'get', url: '/api/products?minPrice=5000&maxPrice=50000&sort=PRICE_ASC&size=20' }),
    step({ method: 'get', url: '/api/categories/tree' }),
    { function: 'pickProduct' },
    step({ method: 'get', url: '/api/products/{{ productId }}' }),
  ],
}
